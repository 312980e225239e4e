/** Events after which every money query reads again (money settings, imports and undos, the clock's settings). */
export const MONEY_REFETCH = ['money.changed', 'imports.finished', 'imports.undone', 'settings.changed'] as const;
