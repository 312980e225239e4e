import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../../app/status-context';
import { SectionCard } from '../../../shared/ui/section-card';
import { LICENSES } from '../licenses';

export function AboutSection() {
  const { t } = useTranslation();
  const { appVersion } = useAppStatus();
  return (
    <SectionCard title={t('settings.about.title')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('settings.about.product')}>
          {t('app.name')} {t('app.nameLatin')}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.about.version')}>{appVersion}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('settings.about.offline')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('settings.about.licenses')}
      </Typography.Title>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={[...LICENSES]}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('settings.about.package') },
          { key: 'license', dataIndex: 'license', title: t('settings.about.license') },
        ]}
      />
    </SectionCard>
  );
}
