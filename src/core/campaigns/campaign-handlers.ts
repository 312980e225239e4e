import type { CoreContext } from '../core-context';
import type { Handlers } from '../rpc/dispatcher';
import { campaignDb } from './campaign-schema';
import { ensureSeeded, mayNeedSeeding } from './campaign-seed';
import { addProduct, checkPrice, createCampaign, getCampaign, listCampaigns, removeCampaign, removeProduct, seedYearOf, setCampaignStatus, updateCampaign, updateProduct } from './campaign-service';
import { readCampaignSettings, writeCampaignSettings } from './campaign-settings';

type CampaignMethod =
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.remove'
  | 'campaigns.setStatus'
  | 'campaigns.addProduct'
  | 'campaigns.updateProduct'
  | 'campaigns.removeProduct'
  | 'campaigns.checkPrice'
  | 'campaigns.settings'
  | 'campaigns.updateSettings';

/** Every write answers the campaign as it now is and says `campaigns.changed` (Today's block, the screen). */
export const createCampaignHandlers = (ctx: CoreContext): Pick<Handlers, CampaignMethod> => {
  const db = () => campaignDb(ctx);
  const now = () => ctx.clock.now();
  const changed = (id: number | null) => ctx.emit('campaigns.changed', { id });
  const answer = async (id: number) => {
    changed(id);
    return getCampaign(db(), id, now());
  };
  return {
    'campaigns.list': async ({ year, open }) => {
      // The first list seeds the calendar: that one write waits for a running import like any other.
      const extra = seedYearOf(now(), year);
      if (mayNeedSeeding(db(), now(), extra)) await ctx.session.writes.write(() => ensureSeeded(db(), now(), extra));
      return listCampaigns(db(), now(), { year, open });
    },
    'campaigns.get': ({ id }) => getCampaign(db(), id, now()),
    'campaigns.create': async (fields) => answer(await createCampaign(db(), fields, now())),
    'campaigns.update': async ({ id, patch }) => {
      await db().transaction().execute((trx) => updateCampaign(trx, id, patch, now()));
      return answer(id);
    },
    'campaigns.remove': async ({ id }) => {
      const removed = await db().transaction().execute((trx) => removeCampaign(trx, id));
      if (removed) changed(id);
      return { removed };
    },
    'campaigns.setStatus': async ({ id, status }) => {
      await setCampaignStatus(db(), id, status, now());
      return answer(id);
    },
    'campaigns.addProduct': async ({ campaignId, productId, priceFen }) => {
      await db().transaction().execute((trx) => addProduct(trx, campaignId, productId, priceFen, now()));
      return answer(campaignId);
    },
    'campaigns.updateProduct': async ({ id, priceFen }) => answer(await updateProduct(db(), id, priceFen, now())),
    'campaigns.removeProduct': async ({ id }) => answer(await removeProduct(db(), id)),
    'campaigns.checkPrice': ({ productId, priceFen }) => checkPrice(db(), productId, priceFen),
    'campaigns.settings': () => readCampaignSettings(db()),
    'campaigns.updateSettings': async (settings) => {
      await writeCampaignSettings(db(), settings, now());
      changed(null);
      return readCampaignSettings(db());
    },
  };
};
