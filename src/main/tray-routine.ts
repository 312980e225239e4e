import { blockTitle } from '../shared/domain/routine-defaults';
import { fillTemplate } from '../shared/i18n/reminder-messages';
import type { Language, RoutineStatus } from '../shared/rpc/contract';
import type { MainStrings } from './main-strings';

/** What the tray says about the routine, in one language; built from the core's `routine.status`. */
export type TrayRoutineView = {
  /** First line of the menu and of the tooltip: the running block and its remaining time. */
  status: string;
  /** macOS shows this beside the icon; empty when nothing runs. */
  title: string;
  /** The pause/resume item, or null when there is nothing to pause or resume. */
  toggle: { kind: 'pause' | 'resume'; label: string } | null;
  /** "Next: …", or null after the last block. */
  next: string | null;
  progress: string;
  /** New influencers today against the daily goal, with the streak. */
  influencers: string;
};

type RoutineStrings = Pick<
  MainStrings,
  'trayRunning' | 'trayRunningOver' | 'trayPaused' | 'trayNothingRunning' | 'trayPause' | 'trayResume' | 'trayNext' | 'trayProgress' | 'trayInfluencers' | 'trayTitle' | 'trayTitleOver'
>;

/**
 * Pure: the tray's routine texts at the moment the status was computed. Remaining time is the
 * target minus the booked seconds (rounded up, so "1 min left" until it is reached); past the
 * target it counts the minutes over.
 */
export function trayRoutineView(status: RoutineStatus, strings: RoutineStrings, language: Language): TrayRoutineView {
  const name = (ref: { title: string; defaultKey: string | null }) => blockTitle(ref, language);
  const progress = fillTemplate(strings.trayProgress, {
    done: status.blocksDone,
    total: status.blocksTotal,
    listed: status.listed.count,
    min: status.listed.min,
    max: status.listed.max,
  });
  const influencers = fillTemplate(strings.trayInfluencers, { added: status.influencers.added, goal: status.influencers.goal, streak: status.influencers.streak });
  const next = status.next ? fillTemplate(strings.trayNext, { block: name(status.next) }) : null;
  const running = status.running;
  if (running) {
    const left = running.targetMinutes * 60 - running.spentSeconds;
    const isOver = left <= 0;
    const minutes = isOver ? Math.floor(-left / 60) : Math.ceil(left / 60);
    const block = name(running);
    return {
      status: fillTemplate(isOver ? strings.trayRunningOver : strings.trayRunning, { block, minutes }),
      title: fillTemplate(isOver ? strings.trayTitleOver : strings.trayTitle, { block, minutes }),
      toggle: { kind: 'pause', label: strings.trayPause },
      next,
      progress,
      influencers,
    };
  }
  if (status.paused) {
    const block = name(status.paused);
    return { status: fillTemplate(strings.trayPaused, { block }), title: '', toggle: { kind: 'resume', label: fillTemplate(strings.trayResume, { block }) }, next, progress, influencers };
  }
  return { status: strings.trayNothingRunning, title: '', toggle: null, next, progress, influencers };
}
