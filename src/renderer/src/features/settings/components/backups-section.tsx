import { SaveOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRpcMutation, useRpcQuery } from '../../../app/use-rpc';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';
import { formatChinaTime } from '../../../shared/ui/format';
import { BackupsTable, useRestoreBackup } from '../../backups';

export function BackupsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const backups = useRpcQuery('backups.list', {}, { refetchOn: ['backups.created', 'backups.restored'] });
  const create = useRpcMutation('backups.create', { invalidates: { methods: ['backups.list'] } });
  const restore = useRestoreBackup('normal');

  const backUpNow = async () => {
    try {
      const made = await create.mutate({});
      void message.success(t('backups.created', { time: formatChinaTime(made.createdAt) }));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <SectionCard
      title={t('backups.title')}
      description={t('backups.description')}
      extra={
        <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={create.isPending} onClick={() => void backUpNow()}>
          {t('backups.createNow')}
        </Button>
      }
    >
      <BackupsTable backups={backups.data ?? []} isLoading={backups.isLoading && backups.data === undefined} error={backups.error} onRestore={restore} />
    </SectionCard>
  );
}
