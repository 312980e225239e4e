import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/rpc/contract';

/** The window's language as the contract names it (for shared texts such as default block names). */
export function useLocale(): Language {
  const { i18n } = useTranslation();
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
}
