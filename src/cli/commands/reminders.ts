import type { CommandGroup } from '../command';
import { chinaDateTime } from '../format';
import { localeOf } from '../cli-text';
import { AT_FLAG, atFlag } from './at-flag';

export const reminderCommands: CommandGroup = {
  name: 'reminders',
  summary: { zh: '提醒', en: 'Reminders' },
  commands: [],
  defaultCommand: {
    name: '',
    summary: { zh: '列出现在到期的提醒（不会标记为已提醒）', en: 'List the reminders due now (they are not marked as shown)' },
    flags: [AT_FLAG],
    async run(ctx, input) {
      const core = await ctx.core({ at: atFlag(input) });
      const due = await core.call('reminders.due', { locale: localeOf(ctx.lang) });
      const data = due.map(({ key, kind, dueAt, title, subject }) => ({ key, kind, dueAt, title, subject }));
      const text =
        due.length === 0
          ? ctx.t({ zh: '现在没有到期的提醒。', en: 'No reminders are due now.' })
          : due.map((r) => `${chinaDateTime(r.dueAt).slice(0, 16)}  ${r.title}\n    ${r.body}`).join('\n');
      return { data, text };
    },
  },
};
