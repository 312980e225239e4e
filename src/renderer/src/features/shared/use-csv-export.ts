import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Method, ParamsOf, Results } from '../../../../shared/rpc/contract';
import { useRpcMutation } from '../../app/use-rpc';
import { useShowError } from '../../shared/ui/error-message';
import { downloadCsv } from './download-csv';

/** The methods without required parameters that answer `{ csv, rows }` (products, suppliers, the profit view …). */
export type CsvExportMethod = {
  [M in Method]: Results[M] extends { csv: string; rows: number } ? (Record<string, never> extends ParamsOf<M> ? M : never) : never;
}[Method];

/**
 * One "导出 CSV" button's work: asks the core for the CSV (with `params` when the export takes some,
 * e.g. the profit view's range), saves it as `fileName`, says how many rows went out, or shows the
 * translated error.
 */
export function useCsvExport<M extends CsvExportMethod>(method: M, fileName: string, params?: ParamsOf<M>): { exportCsv: () => Promise<void>; isPending: boolean } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { mutate, isPending } = useRpcMutation(method);
  const exportCsv = useCallback(async () => {
    try {
      const result = await mutate(params ?? ({} as ParamsOf<M>));
      downloadCsv(result.csv, fileName);
      void message.success(t('sourcing.exported', { rows: result.rows }));
    } catch (error) {
      showError(error);
    }
  }, [mutate, fileName, params, message, t, showError]);
  return { exportCsv, isPending };
}
