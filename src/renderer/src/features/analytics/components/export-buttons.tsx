import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChartPngRef } from '../../../shared/charts/chart-png';
import { ChartPngButton } from '../../../shared/charts/chart-png-button';
import { downloadCsv } from '../../shared/download-csv';
import { tableCsv } from '../table-csv';

export type PngRef = ChartPngRef;

/** 导出图片: the chart as drawn (shared/charts/chart-png.ts), with this screen's labels. */
export function PngButton({ exportRef, fileName, label }: { exportRef: PngRef; fileName: string; label?: string }) {
  const { t } = useTranslation();
  return <ChartPngButton exportRef={exportRef} fileName={fileName} label={label ?? t('analytics.exportPng')} />;
}

/** 导出 CSV: the rows the table shows (formula-safe, see table-csv.ts). */
export function CsvButton({ header, rows, fileName }: { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[]; fileName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined aria-hidden />}
      disabled={rows.length === 0}
      onClick={() => {
        downloadCsv(tableCsv(header, rows), fileName);
        void message.success(t('analytics.exported', { rows: rows.length }));
      }}
    >
      {t('analytics.exportCsv')}
    </Button>
  );
}
