import { DownloadOutlined, MessageOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tabs, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashForScreen, useHashParam } from '../../../app/hash-route';
import { useRpcMutation } from '../../../app/use-rpc';
import { useShowError } from '../../../shared/ui/error-message';
import { useLocale } from '../../../shared/ui/use-locale';
import { toBase64, useCsvExport } from '../../shared';
import { INVALIDATES } from '../format';
import { csvRowText } from '../refusal';
import { GoalCard } from './goal-card';
import { InfluencerDrawer } from './influencer-drawer';
import { InfluencerList } from './influencer-list';
import { MessageComposer } from './message-composer';
import { SampleLedger } from './sample-ledger';
import { SettingsModal } from './settings-modal';

/** 达人 Influencers: the CRM list with the daily goal, the drawer, the 寄样 ledger, the product message. */
export function InfluencersScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const locale = useLocale();
  const tabParam = useHashParam('tab');
  const [tab, setTab] = useState(tabParam === 'samples' ? 'samples' : 'list');
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [composing, setComposing] = useState(false);
  const [settings, setSettings] = useState(false);
  const importCsv = useRpcMutation('influencers.importCsv', { invalidates: INVALIDATES });
  const { exportCsv } = useCsvExport('influencers.exportCsv', 'shopdesk-influencers.csv');
  // `#/influencers?influencer=12` (a follow-up reminder) opens that influencer.
  const linked = Number(useHashParam('influencer'));
  useEffect(() => {
    if (Number.isSafeInteger(linked) && linked > 0) setDrawer({ open: true, id: linked });
  }, [linked]);
  useEffect(() => {
    if (tabParam === 'samples') setTab('samples');
  }, [tabParam]);
  const closeDrawer = () => {
    setDrawer({ open: false, id: null });
    if (linked) window.location.replace(hashForScreen('influencers'));
  };

  const onImport = async (file: File) => {
    try {
      const r = await importCsv.mutate({ dataBase64: await toBase64(file) });
      void message.success(t('influencers.imported', r));
    } catch (error) {
      // A refused row names its row number; other errors as usual.
      const row = csvRowText(error, locale);
      if (row) void message.error(row);
      else showError(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('influencers.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<MessageOutlined aria-hidden />} onClick={() => setComposing(true)}>
            {t('influencers.compose')}
          </Button>
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => (void onImport(file), false)}>
            <Button icon={<UploadOutlined aria-hidden />} loading={importCsv.isPending}>
              {t('influencers.importCsv')}
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void exportCsv()}>
            {t('influencers.exportCsv')}
          </Button>
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setSettings(true)}>
            {t('influencers.settings')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ open: true, id: null })}>
            {t('influencers.add')}
          </Button>
        </Flex>
      </Flex>
      <GoalCard />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: t('influencers.tabs.list'), children: <InfluencerList onOpen={(id) => setDrawer({ open: true, id })} /> },
          { key: 'samples', label: t('influencers.tabs.samples'), children: <SampleLedger onOpenInfluencer={(id) => setDrawer({ open: true, id })} /> },
        ]}
      />
      <InfluencerDrawer influencerId={drawer.id} open={drawer.open} onClose={closeDrawer} onCreated={(id) => setDrawer({ open: true, id })} />
      <MessageComposer open={composing} onClose={() => setComposing(false)} />
      <SettingsModal open={settings} onClose={() => setSettings(false)} />
    </Flex>
  );
}
