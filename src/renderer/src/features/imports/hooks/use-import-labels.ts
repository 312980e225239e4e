import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../../../shared/rpc/domains/imports';
import { useSettings } from '../../../app/settings-context';
import { dateRangeParts, encodingKey, layoutKey } from '../model/label-keys';
import { renderImportMessage, type CodedMessage } from '../model/render-message';

export type ImportLabels = ReturnType<typeof useImportLabels>;

/** Words for what the core reports about files, in the window's language. */
export function useImportLabels() {
  const { t } = useTranslation();
  const { language } = useSettings().settings;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(language);
    return {
      language,
      kind: (kind: ImportKind) => t(`imports.kinds.${kind}`),
      layout: (layout: string) => {
        const key = layoutKey(layout);
        return key === null ? layout : t(`imports.layouts.${key}`);
      },
      encoding: (encoding: string) => {
        const key = encodingKey(encoding);
        return key === null ? encoding : t(`imports.encodings.${key}`);
      },
      count: (n: number) => numbers.format(n),
      dateRange: (from: string | null, to: string | null) => {
        const parts = dateRangeParts(from, to);
        if (parts === null) return '—';
        return 'single' in parts ? parts.single : t('imports.dateRange', parts);
      },
      message: (item: CodedMessage) => renderImportMessage(item, language),
    };
  }, [t, language]);
}
