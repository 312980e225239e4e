import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../../app/use-rpc';
import { SectionCard } from '../../../shared/ui/section-card';
import { useErrorMessage } from '../../../shared/ui/error-message';
import { formatChinaTime, formatSize } from '../../../shared/ui/format';

/** Runs the quick check when the screen opens; the user can run it again. */
export function DbCheckSection() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const check = useRpcQuery('db.check', {}, { refetchOn: ['backups.restored'] });
  const result = check.data;
  return (
    <SectionCard
      title={t('settings.dbCheck.title')}
      description={t('settings.dbCheck.description')}
      extra={
        <Button icon={<ReloadOutlined aria-hidden />} loading={check.isLoading} onClick={check.refetch}>
          {t('settings.dbCheck.run')}
        </Button>
      }
    >
      {check.error !== undefined && <Alert type="error" showIcon title={describe(check.error)} style={{ marginBottom: 12 }} />}
      {result === undefined ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <>
          {result.integrity !== 'ok' || result.foreignKeyProblems > 0 ? (
            <Alert type="warning" showIcon title={t('settings.dbCheck.failedHint')} style={{ marginBottom: 12 }} />
          ) : null}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('settings.dbCheck.result')}>
              {result.integrity === 'ok' && result.foreignKeyProblems === 0 ? (
                <Tag color="success">{t('settings.dbCheck.ok')}</Tag>
              ) : (
                <Tag color="error">{t('settings.dbCheck.failed')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.dbCheck.schemaVersion')}>{result.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label={t('settings.dbCheck.size')}>{formatSize(result.sizeBytes)}</Descriptions.Item>
            <Descriptions.Item label={t('settings.dbCheck.checkedAt')}>{formatChinaTime(result.checkedAt)}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </SectionCard>
  );
}
