import { Flex, Switch, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../../app/host-context';
import { useSettings } from '../../../app/settings-context';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';

/**
 * The OS login item is the truth (the user may change it in the system settings), so the switch
 * reads it from the desktop bridge; the stored setting follows it. The browser cannot do this.
 */
export function StartAtLoginSection() {
  const { t } = useTranslation();
  const host = useHost();
  const { settings, update } = useSettings();
  const showError = useShowError();
  const labelId = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    if (host.kind !== 'desktop') return;
    let isCurrent = true;
    host.desktop.getStartAtLogin().then(
      (value) => isCurrent && setEnabled(value),
      (error: unknown) => isCurrent && showError(error),
    );
    return () => {
      isCurrent = false;
    };
  }, [host, showError]);

  const change = async (next: boolean) => {
    if (host.kind !== 'desktop') return;
    setIsSaving(true);
    try {
      await host.desktop.setStartAtLogin(next, settings.startHidden);
      setEnabled(next);
      await update({ startAtLogin: next });
    } catch (error) {
      showError(error);
    } finally {
      setIsSaving(false);
    }
  };

  const isDesktop = host.kind === 'desktop';
  return (
    <SectionCard title={t('settings.startAtLogin.title')} description={t('settings.startAtLogin.description')}>
      <Flex align="center" gap={12}>
        <Switch
          aria-labelledby={labelId}
          checked={isDesktop ? (enabled ?? settings.startAtLogin) : false}
          disabled={!isDesktop || enabled === null}
          loading={isSaving}
          onChange={(next) => void change(next)}
        />
        <Typography.Text id={labelId}>{t('settings.startAtLogin.label')}</Typography.Text>
        {!isDesktop && <Typography.Text type="secondary">（{t('settings.startAtLogin.desktopOnly')}）</Typography.Text>}
      </Flex>
    </SectionCard>
  );
}
