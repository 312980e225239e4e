import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../../../shared/rpc/contract';
import { useSettings } from '../../../app/settings-context';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';

export function ThemeSection() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const showError = useShowError();
  const options: { value: Theme; label: string }[] = [
    { value: 'system', label: t('settings.theme.system') },
    { value: 'light', label: t('settings.theme.light') },
    { value: 'dark', label: t('settings.theme.dark') },
  ];
  return (
    <SectionCard title={t('settings.theme.title')} description={t('settings.theme.description')}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        aria-label={t('settings.theme.title')}
        value={settings.theme}
        options={options}
        onChange={(e) => update({ theme: e.target.value as Theme }).catch(showError)}
      />
    </SectionCard>
  );
}
