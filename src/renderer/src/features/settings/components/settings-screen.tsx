import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AboutSection } from './about-section';
import { BackupsSection } from './backups-section';
import { DataFolderSection } from './data-folder-section';
import { DbCheckSection } from './db-check-section';
import { LogFolderSection } from './log-folder-section';
import { SegmentedSetting, type SegmentedOption } from './segmented-setting';
import { StartAtLoginSection } from './start-at-login-section';

/** 设置 Settings: preferences, the data folder, backups and restore, the database check, the log file, about. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const languages: SegmentedOption<'language'>[] = [
    { value: 'zh-CN', label: t('settings.language.zhCN') },
    { value: 'en-US', label: t('settings.language.enUS') },
  ];
  const themes: SegmentedOption<'theme'>[] = [
    { value: 'system', label: t('settings.theme.system') },
    { value: 'light', label: t('settings.theme.light') },
    { value: 'dark', label: t('settings.theme.dark') },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: '0 0 8px' }}>
        {t('settings.title')}
      </Typography.Title>
      <SegmentedSetting setting="language" title={t('settings.language.title')} description={t('settings.language.description')} options={languages} />
      <SegmentedSetting setting="theme" title={t('settings.theme.title')} description={t('settings.theme.description')} options={themes} />
      <DataFolderSection />
      <BackupsSection />
      <DbCheckSection />
      <LogFolderSection />
      <StartAtLoginSection />
      <AboutSection />
    </Flex>
  );
}
