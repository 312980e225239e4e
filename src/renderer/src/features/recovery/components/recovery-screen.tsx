import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/rpc/contract';
import { LogFilePath } from '../../../app/log-file';
import { useSettings } from '../../../app/settings-context';
import { useAppStatus } from '../../../app/status-context';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { Logo } from '../../../shared/ui/logo';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';
import { BackupsTable, useRestoreBackup } from '../../backups';

/**
 * The whole window while the database cannot be used: why (in the shop owner's words), where the
 * untouched file went, the verified backups to restore, and starting over as the last resort.
 * When a restore or a fresh start succeeds the core reports the normal mode and <App> swaps back.
 */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const reason = status.recovery?.reason ?? 'DB_CORRUPT';
  const backups = useRpcQuery('backups.list', {}, { refetchOn: ['app.statusChanged'] });
  const isNewer = reason === 'DB_NEWER_THAN_APP';
  const restore = useRestoreBackup(isNewer ? 'newer' : 'recovery');

  return (
    <Flex justify="center" style={{ padding: '32px 24px' }}>
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 880 }} component="main">
        <Flex align="center" justify="space-between" wrap gap={12}>
          <Flex align="center" gap={10}>
            <Logo />
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('app.name')} <Typography.Text type="secondary">{t('app.nameLatin')}</Typography.Text>
            </Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          <WarningOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
          {t('recovery.title')}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={t(`recovery.reasons.${reason}.title`)}
          description={t(`recovery.reasons.${reason}.body`, { version: status.appVersion })}
        />
        <Descriptions size="small" column={1} bordered>
          {status.recovery?.quarantinedTo && (
            <Descriptions.Item label={t('recovery.quarantineFolder')}>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {status.recovery.quarantinedTo}
              </Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('recovery.dataFolder')}>
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {status.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('recovery.logFile')}>
            <LogFilePath path={status.logFile} size="small" />
          </Descriptions.Item>
        </Descriptions>
        <SectionCard title={t('recovery.backupsTitle')}>
          {backups.data?.length === 0 ? (
            <Typography.Text type="secondary">{t('recovery.noBackups')}</Typography.Text>
          ) : (
            <BackupsTable backups={backups.data ?? []} isLoading={backups.isLoading && backups.data === undefined} error={backups.error} onRestore={restore} />
          )}
        </SectionCard>
        <SectionCard title={t('recovery.startFresh')} description={t('recovery.startFreshHint')}>
          <StartFreshButton isNewer={isNewer} />
        </SectionCard>
      </Flex>
    </Flex>
  );
}

/** For a newer app's database the dialog says where it goes, and only then is it set aside. */
function StartFreshButton({ isNewer }: { isNewer: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const { mutate, isPending } = useRpcMutation('recovery.startFresh', { invalidates: 'all' });
  const confirm = () =>
    void modal.confirm({
      title: t('recovery.startFreshConfirmTitle'),
      content: t(isNewer ? 'recovery.newerSetAsideBody' : 'recovery.startFreshConfirmBody'),
      okText: t('recovery.startFreshOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await mutate(isNewer ? { setAsideNewer: true } : {});
          const aside = result.setAsideNewer ? ` ${t('recovery.newerSetAside', { folder: result.setAsideNewer.quarantinedTo })}` : '';
          void message.success(t('recovery.startedFresh') + aside, aside ? 12 : 3);
        } catch (error) {
          showError(error);
        }
      },
    });
  return (
    <Button danger loading={isPending} onClick={confirm}>
      {t('recovery.startFresh')}
    </Button>
  );
}

/** The database cannot store the choice now, so this switch applies to this window only. */
function LanguageSwitch() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  return (
    <Radio.Group
      size="small"
      optionType="button"
      aria-label={t('settings.language.title')}
      value={settings.language}
      options={[
        { value: 'zh-CN', label: t('settings.language.zhCN') },
        { value: 'en-US', label: t('settings.language.enUS') },
      ]}
      onChange={(e) => void update({ language: e.target.value as Language })}
    />
  );
}
