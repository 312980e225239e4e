import { CustomerServiceOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, TeamOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import { BarChartOutlined, BellOutlined, CalendarOutlined, FlagOutlined, HeartOutlined, LineChartOutlined, ProfileOutlined, StarOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { screenIdFromHash } from './hash-route';
import type { zhCN } from './locales/zh-CN';

type NavKey = `nav.${Exclude<keyof typeof zhCN.nav, 'menuLabel'>}`;

/** One entry per screen: its route id (`#/<id>`), menu label and icon, and the component. */
export type ScreenEntry = {
  id: string;
  labelKey: NavKey;
  icon: ReactNode;
  Screen: LazyScreen;
  /** A table of many columns (orders, after-sales): the shell gives it the window's width, not a reading column. */
  wide?: boolean;
};

/** A screen's lazy component; `preload()` starts fetching its chunk before it renders. */
export type LazyScreen = ComponentType & { preload?: () => void };

/**
 * Each screen is its own chunk, fetched when first opened: the first paint carries only the shell
 * and the opening screen, and ECharts comes with the screens that chart (Today's history, money).
 * The chunk is fetched once, whether `preload()` or the first render asks first.
 */
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyScreen => {
  let loading: Promise<Record<K, ComponentType>> | undefined;
  const get = () => (loading ??= load());
  const Screen = lazy<ComponentType>(async () => ({ default: (await get())[name] }));
  // A failed fetch is shown by the screen's own render (the lazy component rejects the same way).
  return Object.assign(Screen, { preload: () => void get().catch(() => undefined) });
};

const TodayScreen = screen(() => import('../features/today/components/today-screen'), 'TodayScreen');
const OrdersScreen = screen(() => import('../features/orders/components/orders-screen'), 'OrdersScreen');
const RemindersScreen = screen(() => import('../features/reminders/components/reminders-screen'), 'RemindersScreen');
const SettingsScreen = screen(() => import('../features/settings/components/settings-screen'), 'SettingsScreen');
const ImportsScreen = screen(() => import('../features/imports/components/imports-screen'), 'ImportsScreen');
const SourcingScreen = screen(() => import('../features/sourcing/components/sourcing-screen'), 'SourcingScreen');
const SuppliersScreen = screen(() => import('../features/suppliers/components/suppliers-screen'), 'SuppliersScreen');
const MoneyScreen = screen(() => import('../features/money/components/money-screen'), 'MoneyScreen');
const AnalyticsScreen = screen(() => import('../features/analytics/components/analytics-screen'), 'AnalyticsScreen');
const PurchasesScreen = screen(() => import('../features/purchases/components/purchases-screen'), 'PurchasesScreen');
const AftersalesScreen = screen(() => import('../features/aftersales/components/aftersales-screen'), 'AftersalesScreen');
const CampaignsScreen = screen(() => import('../features/campaigns/components/campaigns-screen'), 'CampaignsScreen');
const InfluencersScreen = screen(() => import('../features/influencers/components/influencers-screen'), 'InfluencersScreen');
const ProfitScreen = screen(() => import('../features/profit/components/profit-screen'), 'ProfitScreen');
const HealthScreen = screen(() => import('../features/health/components/health-screen'), 'HealthScreen');

/**
 * The screen registry: the sidebar menu and the hash routes both come from this list, in order.
 * Adding a screen is one entry here (plus its `nav.*` label in both locales). The first entry is
 * where the app opens.
 */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'today', labelKey: 'nav.today', icon: <CalendarOutlined aria-hidden />, Screen: TodayScreen },
  { id: 'orders', labelKey: 'nav.orders', icon: <ProfileOutlined aria-hidden />, Screen: OrdersScreen, wide: true },
  { id: 'analytics', labelKey: 'nav.analytics', icon: <BarChartOutlined aria-hidden />, Screen: AnalyticsScreen },
  { id: 'reminders', labelKey: 'nav.reminders', icon: <BellOutlined aria-hidden />, Screen: RemindersScreen },
  { id: 'settings', labelKey: 'nav.settings', icon: <SettingOutlined aria-hidden />, Screen: SettingsScreen },
  { id: 'imports', labelKey: 'nav.imports', icon: <UploadOutlined aria-hidden />, Screen: ImportsScreen },
  { id: 'sourcing', labelKey: 'nav.sourcing', icon: <ShopOutlined aria-hidden />, Screen: SourcingScreen },
  { id: 'purchases', labelKey: 'nav.purchases', icon: <ShoppingCartOutlined aria-hidden />, Screen: PurchasesScreen },
  { id: 'aftersales', labelKey: 'nav.aftersales', icon: <CustomerServiceOutlined aria-hidden />, Screen: AftersalesScreen, wide: true },
  { id: 'campaigns', labelKey: 'nav.campaigns', icon: <FlagOutlined aria-hidden />, Screen: CampaignsScreen },
  { id: 'influencers', labelKey: 'nav.influencers', icon: <StarOutlined aria-hidden />, Screen: InfluencersScreen },
  { id: 'suppliers', labelKey: 'nav.suppliers', icon: <TeamOutlined aria-hidden />, Screen: SuppliersScreen },
  { id: 'money', labelKey: 'nav.money', icon: <WalletOutlined aria-hidden />, Screen: MoneyScreen },
  { id: 'profit', labelKey: 'nav.profit', icon: <LineChartOutlined aria-hidden />, Screen: ProfitScreen },
  { id: 'health', labelKey: 'nav.health', icon: <HeartOutlined aria-hidden />, Screen: HealthScreen },
];

/**
 * Starts fetching the chunk of the screen `hash` opens (the first entry for an empty or unknown
 * hash) while the window still connects to the core and loads its status and settings, so the
 * screen's code is there when the shell renders it instead of being fetched only then.
 */
export function preloadScreenOf(hash: string): void {
  const home = SCREENS[0]?.id ?? '';
  const id = screenIdFromHash(hash, SCREENS.map((s) => s.id), home);
  SCREENS.find((s) => s.id === id)?.Screen.preload?.();
}
