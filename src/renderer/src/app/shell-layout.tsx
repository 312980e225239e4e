import { Flex, Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
// The layers come from their own files: the features' index files also export the screens, which
// load lazily (screens.tsx).
import { ImportDropLayer } from '../features/imports/components/import-drop-layer';
import { QuickCaptureLayer } from '../features/sourcing/components/quick-capture-layer';
import { ReminderToasts } from '../features/reminders/components/reminder-toasts';
import { Logo } from '../shared/ui/logo';
import { useHashRoute } from './hash-route';
import { SCREENS } from './screens';

const SCREEN_IDS = SCREENS.map((s) => s.id);
/** A wide screen still stops somewhere: past this a row is too long to read across. */
const WIDE_MAX_WIDTH = 1600;
const HOME = SCREENS[0]?.id ?? '';

/** The normal window: sidebar (logo, product name, menu from the screen registry) and the screen. */
export function ShellLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [current, navigate] = useHashRoute(SCREEN_IDS, HOME);
  const entry = SCREENS.find((s) => s.id === current) ?? SCREENS[0];
  const items = useMemo(() => SCREENS.map((s) => ({ key: s.id, icon: s.icon, label: t(s.labelKey) })), [t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        {/* The Sider stretches with the page; its content stays in view while the screen scrolls. */}
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflow: 'auto' }}>
          <Flex align="center" gap={10} style={{ padding: '20px 16px 16px' }}>
            <Logo />
            <div style={{ lineHeight: 1.2 }}>
              <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
                {t('app.name')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('app.nameLatin')}
              </Typography.Text>
            </div>
          </Flex>
          <nav aria-label={t('nav.menuLabel')}>
            <Menu
              mode="inline"
              selectedKeys={[current]}
              items={items}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </div>
      </Layout.Sider>
      <Layout.Content style={{ padding: '24px 32px' }}>
        <main style={{ maxWidth: entry?.wide ? WIDE_MAX_WIDTH : 960, margin: '0 auto' }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 96 }} aria-label={t('app.loadingScreen')} />}>
            {entry && <entry.Screen />}
          </Suspense>
        </main>
      </Layout.Content>
      {/* Files dropped anywhere on the window go to the import screen. */}
      <ImportDropLayer />
      {/* A product link pasted anywhere (outside text fields) becomes a 选品 candidate. */}
      <QuickCaptureLayer />
      {/* Reminders firing show up in the window wherever the user is. */}
      <ReminderToasts />
    </Layout>
  );
}
