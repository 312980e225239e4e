import { chinaDate } from '../../shared/domain/china-time';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { loadGoalProgress } from './goal-facts';
import { exportRows, importInfluencerCsv } from './influencer-csv';
import { influencerDb } from './influencer-schema';
import { addContact, createInfluencerRow, getInfluencer, listInfluencers, removeContact, removeInfluencer, updateInfluencer } from './influencer-service';
import { readInfluencerSettings, writeInfluencerSettings } from './influencer-settings';
import { messageProducts } from './message-products';
import { ordersVersion, syncOrderInfluencers } from './order-influencers';
import { createSample, getSample, listSamples, moveSample, removeSample, updateSample } from './sample-service';

type InfluencerMethod = Extract<keyof Handlers, `influencers.${string}` | `samples.${string}`>;

export const createInfluencerHandlers = (ctx: CoreContext): Pick<Handlers, InfluencerMethod> => {
  const db = () => influencerDb(ctx);
  const now = () => ctx.clock.now();
  const changed = (ids: number[]) => {
    if (ids.length > 0) ctx.emit('influencers.changed', { ids });
  };
  /**
   * The after-import step (influencer-listener.ts) may not have run yet (it waits for the import's
   * writer, and a CLI may read right after importing): the list and the drawer catch up first,
   * unless an import holds the write lock, when they answer from what is stored.
   */
  let syncedAt: { db: unknown; version: string } | null = null;
  const caughtUp = async () => {
    if (ctx.session.writes.isImportWriting) return;
    // Only when the order imports changed since the last catch-up (a restore opens another database).
    const version = await ordersVersion(db());
    if (syncedAt?.db === db() && syncedAt.version === version) return;
    changed(await syncOrderInfluencers(db(), now()));
    syncedAt = { db: db(), version };
  };
  return {
    'influencers.list': async (filter) => {
      await caughtUp();
      return listInfluencers(db(), filter, now());
    },
    'influencers.get': async ({ id }) => {
      await caughtUp();
      return getInfluencer(db(), id, now());
    },
    'influencers.create': async (fields) => {
      const id = await createInfluencerRow(db(), fields, now());
      changed([id]);
      return getInfluencer(db(), id, now());
    },
    'influencers.update': async ({ id, patch }) => {
      await updateInfluencer(db(), id, patch, now());
      changed([id]);
      return getInfluencer(db(), id, now());
    },
    'influencers.remove': async ({ id }) => {
      const removed = await removeInfluencer(db(), id);
      if (removed) changed([id]);
      return { removed };
    },
    'influencers.addContact': async (p) => {
      await addContact(db(), p, now());
      changed([p.influencerId]);
      return getInfluencer(db(), p.influencerId, now());
    },
    'influencers.removeContact': async ({ id }) => ({ removed: await removeContact(db(), id) }),
    'influencers.exportCsv': async () => {
      const list = await listInfluencers(db(), {}, now());
      return { csv: exportRows(list), rows: list.length };
    },
    'influencers.importCsv': async ({ dataBase64 }) => {
      const result = await importInfluencerCsv(db(), dataBase64, now());
      ctx.emit('influencers.changed', { ids: [] });
      return result;
    },
    'influencers.settings': () => readInfluencerSettings(db()),
    'influencers.updateSettings': async (patch) => {
      await writeInfluencerSettings(db(), patch);
      return readInfluencerSettings(db());
    },
    'influencers.goal': () => loadGoalProgress(db(), chinaDate(now())),
    'influencers.messageProducts': ({ productIds }) => messageProducts(db(), productIds),
    'samples.list': (filter) => listSamples(db(), filter, now()),
    'samples.create': async (fields) => {
      const id = await createSample(db(), fields, now());
      changed([fields.influencerId]);
      return getSample(db(), id, now());
    },
    'samples.update': async ({ id, patch }) => {
      await updateSample(db(), id, patch, now());
      const sample = await getSample(db(), id, now());
      changed([sample.influencerId]);
      return sample;
    },
    'samples.move': async (p) => {
      await moveSample(db(), p, now());
      const sample = await getSample(db(), p.id, now());
      changed([sample.influencerId]);
      return sample;
    },
    'samples.remove': async ({ id }) => ({ removed: await removeSample(db(), id) }),
  };
};
