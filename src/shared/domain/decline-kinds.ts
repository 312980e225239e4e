/**
 * Which test raised the decline alert. `dayOverDay`: three or more complete days in a row each with
 * fewer orders than the day before (seed 000: "如果是持续3天及以上的连续下滑，那么你就需要进行原因排查了"),
 * unless every one of those days is at its usual level for its weekday (a normal weekend dip).
 * `sameWeekday`: three or more days in a row each clearly below the same weekday of the previous weeks.
 */
export const DECLINE_RULES = ['dayOverDay', 'sameWeekday'] as const;
export type DeclineRule = (typeof DECLINE_RULES)[number];

export const FELL_KINDS = ['products', 'provinces', 'sources', 'influencers'] as const;
export type FellKind = (typeof FELL_KINDS)[number];
