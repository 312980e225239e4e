import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/rpc/contract';
import { useSettings } from '../../../app/settings-context';
import { SectionCard } from '../../../shared/ui/section-card';
import { useShowError } from '../../../shared/ui/error-message';

export function LanguageSection() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const showError = useShowError();
  const options: { value: Language; label: string }[] = [
    { value: 'zh-CN', label: t('settings.language.zhCN') },
    { value: 'en-US', label: t('settings.language.enUS') },
  ];
  return (
    <SectionCard title={t('settings.language.title')} description={t('settings.language.description')}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        aria-label={t('settings.language.title')}
        value={settings.language}
        options={options}
        onChange={(e) => update({ language: e.target.value as Language }).catch(showError)}
      />
    </SectionCard>
  );
}
