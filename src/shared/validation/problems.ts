/**
 * What is wrong with a field; validationMessage() (i18n/validation-messages.ts) says it in words with
 * the allowed range. Its own file, a floor below both issues.ts and the messages, which use each other.
 */
export const PROBLEMS = ['required', 'notNumber', 'notInteger', 'decimals', 'range', 'tooLong', 'tooMany', 'format', 'minAboveMax', 'beforeStart', 'duplicate', 'invalid'] as const;
export type Problem = (typeof PROBLEMS)[number];
