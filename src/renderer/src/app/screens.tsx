import { SettingOutlined, ShopOutlined, TeamOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import { BellOutlined, CalendarOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { RemindersScreen } from '../features/reminders';
import { TodayScreen } from '../features/today';
import { ImportsScreen } from '../features/imports';
import { MoneyScreen } from '../features/money';
import { SettingsScreen } from '../features/settings';
import { SourcingScreen } from '../features/sourcing';
import { SuppliersScreen } from '../features/suppliers';
import type { zhCN } from './locales/zh-CN';

type NavKey = `nav.${Exclude<keyof typeof zhCN.nav, 'menuLabel'>}`;

/** One entry per screen: its route id (`#/<id>`), menu label and icon, and the component. */
export type ScreenEntry = {
  id: string;
  labelKey: NavKey;
  icon: ReactNode;
  Screen: ComponentType;
};

/**
 * The screen registry: the sidebar menu and the hash routes both come from this list, in order.
 * Adding a screen is one entry here (plus its `nav.*` label in both locales). The first entry is
 * where the app opens.
 */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'today', labelKey: 'nav.today', icon: <CalendarOutlined aria-hidden />, Screen: TodayScreen },
  { id: 'reminders', labelKey: 'nav.reminders', icon: <BellOutlined aria-hidden />, Screen: RemindersScreen },
  { id: 'settings', labelKey: 'nav.settings', icon: <SettingOutlined aria-hidden />, Screen: SettingsScreen },
  { id: 'imports', labelKey: 'nav.imports', icon: <UploadOutlined aria-hidden />, Screen: ImportsScreen },
  { id: 'sourcing', labelKey: 'nav.sourcing', icon: <ShopOutlined aria-hidden />, Screen: SourcingScreen },
  { id: 'suppliers', labelKey: 'nav.suppliers', icon: <TeamOutlined aria-hidden />, Screen: SuppliersScreen },
  { id: 'money', labelKey: 'nav.money', icon: <WalletOutlined aria-hidden />, Screen: MoneyScreen },
];
