import { importMessage } from '../../../../../shared/i18n/import-messages';
import type { Language } from '../../../../../shared/rpc/domains/settings';

/** What the core says about a file or a line: a code, its template values, and its own rendering. */
export type CodedMessage = { code: string; params: Readonly<Record<string, string | number>>; message: string };

const UNFILLED = /\{\w+\}/;

/**
 * The message in the window's current language, rendered again from its code so that switching
 * language also switches messages already on screen. The core's own text is the fallback for a
 * code this build does not know or a template the core did not give every value for.
 */
export function renderImportMessage(item: CodedMessage, language: Language): string {
  const text = importMessage(item.code, { ...item.params }, language);
  if (text === item.code || UNFILLED.test(text)) return item.message || text;
  return text;
}
