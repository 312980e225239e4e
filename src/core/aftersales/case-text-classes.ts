import { arbitrationState } from '../../shared/domain/aftersale-state';
import { mapAftersaleType, type AftersaleType, type AftersaleTypeOrUnknown } from '../../shared/domain/aftersale-type';
import { classifyAftersale } from '../../shared/domain/order-line-state';

/*
 * An imported case's open state, arbitration and type are functions of three exported texts
 * (售后状态, 仲裁状态, 售后类型), and a shop has a few dozen distinct ones of each however many cases
 * it has. So the rules stay in shared/domain (classifyAftersale, arbitrationState, the type
 * vocabulary) and are applied here to each distinct combination once; the SQL then tests plain
 * membership in the texts they pick. Pure.
 */
export type TextGroup = { status: string | null; arb: string | null; type: string | null; n: number; soon: number };

export type TextClasses = {
  /** 售后状态 texts of a live request (classifyAftersale 'open'). */
  openStatuses: string[];
  /**
   * A case is in arbitration when its 仲裁状态 alone says so or, failing that, its 售后状态 does
   * (arbitrationState reads them in that order and skips a text that says nothing).
   */
  arbTexts: string[];
  arbStatuses: string[];
  /** 售后类型 texts per type; `unknown` also takes an empty cell (NULL). */
  typeTexts: ReadonlyMap<AftersaleTypeOrUnknown, string[]>;
  isOpen(g: Pick<TextGroup, 'status'>): boolean;
  inArbitration(g: Pick<TextGroup, 'status' | 'arb'>): boolean;
  typeOf(g: Pick<TextGroup, 'type'>): AftersaleTypeOrUnknown;
};

const distinct = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => v !== null))];

export function textClasses(groups: readonly TextGroup[], mappings: ReadonlyMap<string, AftersaleType>): TextClasses {
  const isOpen = (g: Pick<TextGroup, 'status'>) => classifyAftersale(g.status) === 'open';
  const inArbitration = (g: Pick<TextGroup, 'status' | 'arb'>) => arbitrationState(g.arb, g.status) !== 'none';
  const typeOf = (g: Pick<TextGroup, 'type'>) => mapAftersaleType(g.type, mappings);
  const statuses = distinct(groups.map((g) => g.status));
  const typeTexts = new Map<AftersaleTypeOrUnknown, string[]>();
  for (const text of distinct(groups.map((g) => g.type))) {
    const type = typeOf({ type: text });
    typeTexts.set(type, [...(typeTexts.get(type) ?? []), text]);
  }
  return {
    openStatuses: statuses.filter((s) => isOpen({ status: s })),
    arbTexts: distinct(groups.map((g) => g.arb)).filter((t) => arbitrationState(t, null) !== 'none'),
    arbStatuses: statuses.filter((s) => arbitrationState(null, s) !== 'none'),
    typeTexts,
    isOpen,
    inArbitration,
    typeOf,
  };
}

/** `a − b` per combination of texts (the export's cases less the ones the seller closed). */
export function subtractGroups(a: readonly TextGroup[], b: readonly TextGroup[]): TextGroup[] {
  const key = (g: TextGroup) => JSON.stringify([g.status, g.arb, g.type]);
  const less = new Map(b.map((g) => [key(g), g]));
  return a.map((g) => {
    const m = less.get(key(g));
    return m ? { ...g, n: g.n - m.n, soon: g.soon - m.soon } : g;
  });
}
