import { InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddFiles } from '../hooks/use-add-files';
import { FilePickerButton } from './file-picker-button';

const EXPORTS = ['orders', 'funds', 'settlement', 'aftersales'] as const;

/**
 * The screen before any file: a large drop area (the whole window accepts drops, this is where
 * the eye goes), the picker button, and where in the 抖店 back office each export is made.
 */
export function EmptyDropCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const addFiles = useAddFiles();
  return (
    <Card>
      <Flex
        vertical
        align="center"
        gap={8}
        style={{
          padding: '32px 16px',
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
          background: token.colorFillQuaternary,
          textAlign: 'center',
        }}
      >
        <InboxOutlined aria-hidden style={{ fontSize: 48, color: token.colorPrimary }} />
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('imports.empty.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('imports.empty.body')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <FilePickerButton type="primary" label={t('imports.pick')} onFiles={addFiles} />
        </div>
      </Flex>
      <Typography.Title level={3} style={{ fontSize: 15, margin: '24px 0 8px' }}>
        {t('imports.empty.howTitle')}
      </Typography.Title>
      <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
        {EXPORTS.map((kind) => (
          <li key={kind}>
            <Typography.Text>{t(`imports.empty.${kind}`)}</Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="warning" style={{ margin: '12px 0 0' }}>
        <WarningOutlined aria-hidden /> {t('imports.empty.tip')}
      </Typography.Paragraph>
    </Card>
  );
}
