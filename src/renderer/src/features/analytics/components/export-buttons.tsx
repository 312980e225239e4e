import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../shared/download-csv';
import { tableCsv } from '../table-csv';

export type PngRef = MutableRefObject<(() => string | null) | null>;

/** 导出图片: the chart as drawn, as a PNG file. */
export function PngButton({ exportRef, fileName, label }: { exportRef: PngRef; fileName: string; label?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = () => {
    const url = exportRef.current?.();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    void message.success(t('analytics.pngSaved'));
  };
  return (
    <Button size="small" icon={<PictureOutlined aria-hidden />} onClick={save}>
      {label ?? t('analytics.exportPng')}
    </Button>
  );
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
