/*
 * The countdown to the platform's 自动处理截止时间 (DOUYIN_EXPORTS.md §5: "Other columns include
 * 自动处理截止时间"): past it the platform decides the case by itself (usually for the buyer). The
 * instant comes from the export (or is typed from the 抖店 page for a hand-made case); no hours are
 * assumed here. "soon" is within the seller's reminder lead. Pure.
 */
export type DeadlineState = 'none' | 'ok' | 'soon' | 'overdue';

export type Countdown = {
  state: DeadlineState;
  /** Milliseconds left (negative once past); null without a deadline. */
  msLeft: number | null;
  /** Whole hours and minutes left, rounded down; 0 / 0 once past. */
  hours: number;
  minutes: number;
};

export function deadlineCountdown(deadline: Date | null, now: Date, leadHours: number): Countdown {
  if (deadline === null) return { state: 'none', msLeft: null, hours: 0, minutes: 0 };
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft <= 0) return { state: 'overdue', msLeft, hours: 0, minutes: 0 };
  const totalMinutes = Math.floor(msLeft / 60_000);
  return { state: msLeft <= leadHours * 3_600_000 ? 'soon' : 'ok', msLeft, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** "剩 5 小时 12 分" / "5 h 12 min left", "已过截止时间" / "past the deadline". */
export function countdownText(c: Countdown, lang: 'zh' | 'en'): string {
  if (c.state === 'none') return lang === 'zh' ? '无截止时间' : 'no deadline';
  if (c.state === 'overdue') return lang === 'zh' ? '已过截止时间' : 'past the deadline';
  if (c.hours >= 48) {
    const days = Math.floor(c.hours / 24);
    const hours = c.hours % 24;
    return lang === 'zh' ? `剩 ${days} 天 ${hours} 小时` : `${days} d ${hours} h left`;
  }
  return lang === 'zh' ? `剩 ${c.hours} 小时 ${c.minutes} 分` : `${c.hours} h ${c.minutes} min left`;
}
