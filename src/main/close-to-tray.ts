export type CloseToTrayDeps = {
  isQuitting(): boolean;
  hide(): void;
  /** Whether the user has already been told (settings.closeToTrayExplained); null while unknown. */
  wasExplained(): boolean | null;
  /** Tells the user once that the app keeps running in the tray. */
  explain(): Promise<void>;
  /** Records that it was told: settings.update({ closeToTrayExplained: true }). */
  markExplained(): Promise<void>;
  onError(error: unknown): void;
};

/**
 * The window's 'close' handler: closing hides the window into the tray (reminders keep running),
 * except while quitting. The first time ever, the user gets a short explanation, then the setting
 * remembers it; within one run it is shown at most once even if saving the setting fails.
 */
export function createCloseToTrayHandler(deps: CloseToTrayDeps): (event: { preventDefault(): void }) => void {
  let explainedThisRun = false;
  return (event) => {
    if (deps.isQuitting()) return;
    event.preventDefault();
    deps.hide();
    if (explainedThisRun || deps.wasExplained() !== false) return;
    explainedThisRun = true;
    deps
      .explain()
      .then(() => deps.markExplained())
      .catch(deps.onError);
  };
}
