import { addDays, isChinaDate } from './china-time';
import type { NoticeDay } from './working-days';

/*
 * The State Council's yearly notice (国务院办公厅关于<year>年部分节假日安排的通知), pasted as text,
 * read into the days it lists. Its lines look like
 *   二、春节：2月5日（农历除夕、周五）至12日（农历正月初八、周五）放假调休，共8天。1月31日（周日）、2月13日（周六）上班。
 *   三、清明节：4月3日（周六）至5日（周一）放假，共3天。
 *   一、元旦：1月1日（周三）放假1天，不调休。
 * Dates carry no year unless they cross into another one ("2026年12月31日"); a December date on the
 * 元旦 line belongs to the year before. What cannot be read is reported by line, never guessed.
 */
export type NoticeParse = { days: NoticeDay[]; problems: { line: number; text: string }[] };

const NAMES = ['元旦', '春节', '清明节', '清明', '劳动节', '五一', '端午节', '端午', '中秋节', '中秋', '国庆节', '国庆'] as const;
const CANONICAL: Record<string, string> = { 清明: '清明节', 五一: '劳动节', 端午: '端午节', 中秋: '中秋节', 国庆: '国庆节' };

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
const pad = (n: number): string => String(n).padStart(2, '0');

type Mention = { date: string | null; index: number };

/** Every `[YYYY年][M月]D日` in a text; a day without a month takes the previous mention's month. */
function mentions(text: string, year: number, name: string): Mention[] {
  const found: Mention[] = [];
  let month: number | null = null;
  let explicitYear: number | null = null;
  for (const m of text.matchAll(DATE)) {
    if (m[1]) explicitYear = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    if (month === null) {
      found.push({ date: null, index: m.index });
      continue;
    }
    const y = explicitYear ?? (name === '元旦' && month === 12 ? year - 1 : year);
    const date = `${String(y).padStart(4, '0')}-${pad(month)}-${pad(Number(m[3]))}`;
    found.push({ date: isChinaDate(date) ? date : null, index: m.index });
  }
  return found;
}

function daysFrom(first: string, last: string): string[] | null {
  if (last < first) return null;
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > 15) return null;
  }
  return days;
}

export function parseHolidayNotice(text: string, year: number): NoticeParse {
  const days = new Map<string, NoticeDay>();
  const problems: NoticeParse['problems'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const name = NAMES.find((n) => line.replace(/^[一二三四五六七八九十]+、\s*/, '').startsWith(n));
    if (!name) return; // the notice's preamble and closing lines
    const holidayName = CANONICAL[name] ?? name;
    const sentences = line.split(/[。；;]/);
    let readSomething = false;
    let broken = false;
    for (const sentence of sentences) {
      if (sentence.includes('放假')) {
        const before = sentence.slice(0, sentence.indexOf('放假'));
        const dates = mentions(before.replace(/（[^）]*）|\([^)]*\)/g, ''), year, holidayName);
        if (dates.length === 0 || dates.some((d) => d.date === null)) {
          broken = true;
          continue;
        }
        const span = before.includes('至') && dates.length >= 2 ? daysFrom(dates[0]!.date!, dates[1]!.date!) : [dates[0]!.date!];
        if (!span) {
          broken = true;
          continue;
        }
        for (const date of span) days.set(date, { date, kind: 'holiday', name: holidayName });
        readSomething = true;
      } else if (sentence.includes('上班')) {
        const dates = mentions(sentence.replace(/（[^）]*）|\([^)]*\)/g, ''), year, holidayName);
        if (dates.length === 0 || dates.some((d) => d.date === null)) {
          broken = true;
          continue;
        }
        for (const d of dates) days.set(d.date!, { date: d.date!, kind: 'workday', name: holidayName });
        readSomething = true;
      }
    }
    if (broken || !readSomething) problems.push({ line: i + 1, text: line });
  });
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), problems };
}

export const NOTICE_DAY_MAX = 80;
export const NOTICE_NAME_MAX = 20;

/** What is wrong with one row of a notice table; `code` is translated by the screen. */
export type NoticeProblem = { index: number; field: 'date' | 'name'; code: 'dateInvalid' | 'dateOutsideYear' | 'dateRepeated' | 'nameEmpty' | 'nameTooLong' };

/**
 * A notice's rows must be real dates of its year (or, for a 元旦 break that starts early, the last
 * days of December before it), each date once, each with a holiday name of 1–20 characters.
 */
export function noticeProblems(year: number, days: readonly NoticeDay[]): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const seen = new Set<string>();
  const prefix = String(year).padStart(4, '0');
  const lateDecember = `${String(year - 1).padStart(4, '0')}-12-25`;
  days.forEach((d, index) => {
    if (!isChinaDate(d.date)) problems.push({ index, field: 'date', code: 'dateInvalid' });
    else if (!d.date.startsWith(prefix) && !(d.date >= lateDecember && d.date < `${prefix}-01-01`)) problems.push({ index, field: 'date', code: 'dateOutsideYear' });
    else if (seen.has(d.date)) problems.push({ index, field: 'date', code: 'dateRepeated' });
    seen.add(d.date);
    const name = d.name.trim();
    if (name === '') problems.push({ index, field: 'name', code: 'nameEmpty' });
    else if ([...name].length > NOTICE_NAME_MAX) problems.push({ index, field: 'name', code: 'nameTooLong' });
  });
  return problems;
}
