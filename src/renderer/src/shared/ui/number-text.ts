/*
 * Numbers as typed into a form. A form keeps the text; these turn it into the number the contract
 * wants without changing what was meant: blank is "not given", text that is not a number becomes
 * NaN (refused as "应为数字"), and yuan/percent are scaled to fen/bp without rounding away a third
 * decimal (39.999 yuan stays 3999.9 fen, refused as "最多两位小数").
 */

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export type NumberText = string | number | null | undefined;

/** undefined when blank, NaN when not a number, else the number. */
export function numberOf(text: NumberText): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return text;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * `numberOf(text) × factor`, snapped to the nearest integer only where the difference is the binary
 * float error of the multiplication (39.9 × 100 = 3990.0000000000005).
 */
export function scaledOf(text: NumberText, factor: number): number | undefined {
  const value = numberOf(text);
  if (value === undefined || Number.isNaN(value)) return value;
  const scaled = value * factor;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) < 1e-6 ? nearest : scaled;
}

/** The text a form shows for a stored number (fen → "39.9" with factor 100). */
export const textOf = (value: number | null | undefined, factor = 1): string => (value === null || value === undefined ? '' : String(value / factor));
