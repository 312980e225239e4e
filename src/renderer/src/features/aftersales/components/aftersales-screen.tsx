import { Flex, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashForScreen, useHashParam } from '../../../app/hash-route';
import { AftersaleSettingsView } from './aftersale-settings-view';
import { CaseDrawer } from './case-drawer';
import { CaseTable } from './case-table';
import { CauseReportView } from './cause-report-view';
import { SupplierBalancesView } from './supplier-balances-view';

const CASE_KEY = /^(\d{1,30}\/\d{1,30}|m\d{1,12})$/;

/** 售后 After-sales: cases with their deadlines, what suppliers owe, the causes report, templates and vocabulary. */
export function AftersalesScreen() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [tab, setTab] = useState('cases');
  // `#/aftersales?case=<key>` (a deadline reminder, the supplier screen) opens that case.
  const linked = useHashParam('case');
  useEffect(() => {
    if (linked !== null && CASE_KEY.test(linked)) {
      setTab('cases');
      setOpen(linked);
    }
  }, [linked]);
  const close = () => {
    setOpen(null);
    if (linked) window.location.replace(hashForScreen('aftersales'));
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('aftersales.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'cases', label: t('aftersales.tabs.cases'), children: <CaseTable onOpen={setOpen} /> },
          { key: 'balances', label: t('aftersales.tabs.balances'), children: <SupplierBalancesView /> },
          { key: 'report', label: t('aftersales.tabs.report'), children: <CauseReportView /> },
          { key: 'settings', label: t('aftersales.tabs.settings'), children: <AftersaleSettingsView /> },
        ]}
      />
      <CaseDrawer caseKey={open} onClose={close} />
    </Flex>
  );
}
