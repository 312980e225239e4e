import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/rpc/contract';
import { resources } from '../../app/i18n';

/**
 * The window's language as the contract names it (for shared texts such as default block names):
 * one the window has texts for. Read from the window's own resources, not the contract's
 * LANGUAGES, so the shell does not load the contract's schemas (zod and every domain) before
 * its first paint.
 */
export function useLocale(): Language {
  const { i18n } = useTranslation();
  return Object.hasOwn(resources, i18n.language) ? (i18n.language as Language) : 'zh-CN';
}
