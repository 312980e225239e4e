import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export type Settings = {
  language: Language;
  theme: Theme;
  startAtLogin: boolean;
  startHidden: boolean;
  closeToTrayExplained: boolean;
};

export const settingsMethods = {
  /** The user's preferences (language, theme, start at login …). */
  'settings.get': z.object({}).strict(),
  /** Changes some preferences; emits `settings.changed`. */
  'settings.update': z
    .object({
      language: z.enum(LANGUAGES).optional(),
      theme: z.enum(THEMES).optional(),
      startAtLogin: z.boolean().optional(),
      startHidden: z.boolean().optional(),
      closeToTrayExplained: z.boolean().optional(),
    })
    .strict(),
} as const;

export type SettingsResults = {
  'settings.get': Settings;
  'settings.update': Settings;
};

export type SettingsEvents = {
  'settings.changed': Settings;
};
