import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../../shared/domain/aftersale-templates';
import type { TemplateEntry } from '../../shared/rpc/domains/aftersales';
import type { AftersaleExecutor } from './aftersale-schema';

/** The four reply templates: the seller's edited text, else the built-in one. */
export async function listTemplates(db: AftersaleExecutor): Promise<TemplateEntry[]> {
  const rows = new Map((await db.selectFrom('aftersale_templates').select(['key', 'body']).execute()).map((r) => [r.key, r.body]));
  return TEMPLATE_KEYS.map((key) => {
    const body = rows.get(key);
    return body === undefined ? { key, body: DEFAULT_TEMPLATES[key], isDefault: true } : { key, body, isDefault: false };
  });
}

export async function saveTemplate(db: AftersaleExecutor, key: TemplateKey, body: string, now: Date): Promise<TemplateEntry> {
  const row = { key, body, updated_at: now.toISOString() };
  await db.insertInto('aftersale_templates').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ body, updated_at: row.updated_at })).execute();
  return { key, body, isDefault: false };
}

export async function resetTemplate(db: AftersaleExecutor, key: TemplateKey): Promise<TemplateEntry> {
  await db.deleteFrom('aftersale_templates').where('key', '=', key).execute();
  return { key, body: DEFAULT_TEMPLATES[key], isDefault: true };
}
