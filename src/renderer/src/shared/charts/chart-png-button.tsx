import { PictureOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { saveChartPng, type ChartPngRef } from './chart-png';

/** 导出图片 for one chart: pass the same ref to `<Chart exportRef>` (chart-png.ts). */
export function ChartPngButton({ exportRef, fileName, label, type }: { exportRef: ChartPngRef; fileName: string; label?: string; type?: 'link' | 'default' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = () => {
    if (saveChartPng(exportRef, fileName)) void message.success(t('common.pngSaved'));
    else void message.warning(t('common.pngNotReady'));
  };
  return (
    <Button size="small" type={type} icon={<PictureOutlined aria-hidden />} onClick={save}>
      {label ?? t('common.exportPng')}
    </Button>
  );
}
