/**
 * True when a value is made only of what survives JSON and structured clone unchanged: null,
 * booleans, finite numbers, strings, arrays and plain objects. No undefined, Date, Map, class
 * instance, Buffer or NaN can hide anywhere inside.
 */
export function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every(isPlainData);
}
