/** 2001-09-09 … 2286: ten digits of Unix seconds. Earlier than 2015 cannot be a 抖店 export. */
const MIN_SECONDS = 1_420_070_400;

/**
 * The export moment 抖店 puts at the start of the file name (`1768222209_84d855….csv`), in Unix
 * seconds, or null. It decides which of two exports is newer.
 */
export function exportTimeFromName(fileName: string): number | null {
  const m = /^(\d{10})(?:[_\-.\s(]|$)/.exec(fileName.split(/[\\/]/).pop() ?? '');
  if (m === null) return null;
  const seconds = Number(m[1]);
  return seconds >= MIN_SECONDS ? seconds : null;
}
