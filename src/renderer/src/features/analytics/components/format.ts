/** A change in percent as the cards show it: +12.0%, −4.0%, or — without an earlier figure. */
export const pctText = (pct: number | null | undefined): string => (pct === null || pct === undefined ? '—' : `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(1)}%`);

/** Red for a rise, green for a fall (the Chinese market convention sellers read the back office in). */
export const pctColour = (pct: number | null | undefined): string | undefined => (pct === null || pct === undefined || pct === 0 ? undefined : pct > 0 ? '#cf1322' : '#389e0d');

export const yuanText = (fen: number): string => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
