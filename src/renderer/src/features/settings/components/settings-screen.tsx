import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AboutSection } from './about-section';
import { BackupsSection } from './backups-section';
import { DataFolderSection } from './data-folder-section';
import { DbCheckSection } from './db-check-section';
import { LanguageSection } from './language-section';
import { StartAtLoginSection } from './start-at-login-section';
import { ThemeSection } from './theme-section';

/** 设置 Settings: preferences, the data folder, backups and restore, the database check, about. */
export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: '0 0 8px' }}>
        {t('settings.title')}
      </Typography.Title>
      <LanguageSection />
      <ThemeSection />
      <DataFolderSection />
      <BackupsSection />
      <DbCheckSection />
      <StartAtLoginSection />
      <AboutSection />
    </Flex>
  );
}
