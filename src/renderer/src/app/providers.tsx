import { App as AntdApp, ConfigProvider, theme as antdTheme } from 'antd';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import type { i18n as I18n } from 'i18next';
import { useLayoutEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language, Theme } from '../../../shared/rpc/contract';
import { applyLanguage } from './i18n';
import { resolveTheme, useSystemDark } from './theme';

const ANTD_LOCALES = { 'zh-CN': antdZhCN, 'en-US': antdEnUS } as const;

const LATIN_FONTS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial";
const CJK_FONTS = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'";

/**
 * Punctuation such as “ ” ’ ： exists in both Latin and Chinese fonts, in different widths: the
 * first font listed decides. Chinese text wants the full-width forms, English the narrow ones.
 */
const FONT_FAMILY: Record<Language, string> = {
  'zh-CN': `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`,
  'en-US': `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
};

/**
 * Language and theme for everything below: i18next, antd's ConfigProvider (locale, light/dark
 * algorithm), dayjs, and antd's App (so message/modal follow the theme).
 */
export function AppProviders({ i18n, language, theme, children }: { i18n: I18n; language: Language; theme: Theme; children: ReactNode }) {
  const resolved = resolveTheme(theme, useSystemDark());

  useLayoutEffect(() => applyLanguage(i18n, language), [i18n, language]);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
  }, [resolved]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={ANTD_LOCALES[language]}
        // antd spaces out two-character Chinese labels (恢 复); that breaks their accessible names.
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: resolved === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm,
          token: { fontFamily: FONT_FAMILY[language] },
        }}
      >
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
