import { Layout } from 'antd';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createClient, type RpcClient } from '../../../shared/rpc/client';
import type { AppStatus } from '../../../shared/rpc/contract';
import { useErrorMessage } from '../shared/ui/error-message';
import { ConnectionBanner } from './connection-banner';
import { FullPageFailure, FullPageLoading } from './full-page';
import { HostContext } from './host-context';
import { createAppI18n, DEFAULT_LANGUAGE } from './i18n';
import { AppProviders } from './providers';
import { SettingsProvider, useSettings } from './settings-context';
import { preloadScreenOf } from './screens';
import { ShellLayout } from './shell-layout';
import { StatusContext } from './status-context';
import { openTransport, type Host } from './transport';
import { RpcProvider, useInvalidate, useRpcEvent, useRpcQuery, type QueryState } from './use-rpc';

// The recovery page (with its backups table) shows only when the database is unusable: its own
// chunk, so the normal start does not fetch and compile it before the first paint.
const RecoveryScreen = lazy(async () => ({ default: (await import('../features/recovery')).RecoveryScreen }));

type Connection =
  | { state: 'connecting' }
  | { state: 'failed' }
  | { state: 'ready'; client: RpcClient; host: Host; isLost: boolean };

/**
 * The composition root of the renderer: connect to the core, load its status and the user's
 * settings, then show either the normal layout or, when the database is unusable, the recovery page.
 */
export function App() {
  const [i18n] = useState(() => createAppI18n());
  const [connection, setConnection] = useState<Connection>({ state: 'connecting' });

  // After the first paint (the connecting page): the opening screen's chunk loads meanwhile.
  useEffect(() => preloadScreenOf(window.location.hash), []);

  useEffect(() => {
    let isCancelled = false;
    let cleanup = () => {};
    openTransport().then(
      ({ port, host }) => {
        if (isCancelled) return port.close();
        const client = createClient(port);
        const offClose = port.onClose(() => setConnection((c) => (c.state === 'ready' ? { ...c, isLost: true } : c)));
        cleanup = () => {
          offClose();
          client.close();
        };
        setConnection({ state: 'ready', client, host, isLost: false });
      },
      (error: unknown) => {
        console.error(error);
        if (!isCancelled) setConnection({ state: 'failed' });
      },
    );
    return () => {
      isCancelled = true;
      cleanup();
    };
  }, []);

  if (connection.state !== 'ready') {
    return (
      <AppProviders i18n={i18n} language={DEFAULT_LANGUAGE} theme="system">
        {connection.state === 'connecting' ? <ConnectingPage /> : <ConnectFailedPage />}
      </AppProviders>
    );
  }
  return (
    <HostContext.Provider value={connection.host}>
      <RpcProvider client={connection.client}>
        <ConnectedApp i18n={i18n} isLost={connection.isLost} />
      </RpcProvider>
    </HostContext.Provider>
  );
}

function ConnectingPage() {
  const { t } = useTranslation();
  return <FullPageLoading label={t('app.connecting')} />;
}

function ConnectFailedPage() {
  const { t } = useTranslation();
  return <FullPageFailure title={t('app.connectFailedTitle')} detail={t('app.connectFailedHint')} />;
}

function ConnectedApp({ i18n, isLost }: { i18n: I18n; isLost: boolean }) {
  const status = useRpcQuery('app.status', {}, { refetchOn: ['app.statusChanged', 'backups.restored'] });
  const invalidate = useInvalidate();
  // A restore swaps the whole database: everything on screen is stale.
  useRpcEvent('backups.restored', () => invalidate('all'));
  const isRecovery = status.data?.mode === 'recovery';

  return (
    <StatusContext.Provider value={status.data ?? null}>
      <SettingsProvider isRecovery={isRecovery}>
        <Themed i18n={i18n}>
          {isLost && <ConnectionBanner />}
          <Body status={status} />
        </Themed>
      </SettingsProvider>
    </StatusContext.Provider>
  );
}

function Themed({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const { settings } = useSettings();
  return (
    <AppProviders i18n={i18n} language={settings.language} theme={settings.theme}>
      <Layout style={{ minHeight: '100vh' }}>{children}</Layout>
    </AppProviders>
  );
}

function Body({ status }: { status: QueryState<AppStatus> }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const settings = useSettings();
  if (status.data === undefined) {
    if (status.error !== undefined) return <FullPageFailure title={t('app.loadFailedTitle')} detail={describe(status.error)} onRetry={status.refetch} />;
    return <FullPageLoading label={t('common.loading')} />;
  }
  if (status.data.mode === 'recovery') {
    return (
      <Suspense fallback={<FullPageLoading label={t('common.loading')} />}>
        <RecoveryScreen />
      </Suspense>
    );
  }
  if (!settings.isLoaded) {
    if (settings.loadError !== undefined) return <FullPageFailure title={t('app.loadFailedTitle')} detail={describe(settings.loadError)} onRetry={settings.reload} />;
    return <FullPageLoading label={t('common.loading')} />;
  }
  return <ShellLayout />;
}
