import { Cron } from 'croner';

/** Missed ticks recorded after downtime, at most (later ones are counted, not listed). */
export const MAX_MISSED_TICKS_RECORDED = 100;
/** Counting stops here: a minutely schedule down for a year would otherwise cost 500k steps. */
export const MAX_MISSED_TICKS_COUNTED = 10_000;

/**
 * Parses a five-field cron expression in an IANA time zone (croner: DST-aware, no hand-written
 * parser). Returns an error message for the caller's 422 instead of throwing.
 */
export function parseSchedule(cron: string, timezone: string): Cron | string {
  if (cron.trim().split(/\s+/).length !== 5) {
    return 'cron must have five fields: minute hour day-of-month month day-of-week';
  }
  if (!isTimeZone(timezone))
    return `unknown time zone '${timezone}' (use an IANA name such as Europe/Berlin)`;
  try {
    const schedule = new Cron(cron, { timezone, paused: true, mode: '5-part' });
    if (schedule.nextRun(new Date()) === null) return 'cron never fires';
    return schedule;
  } catch (error) {
    return `invalid cron expression: ${(error as Error).message.replace(/^CronPattern: /, '')}`;
  }
}

export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The next `count` ticks strictly after `after`. */
export function nextTicks(schedule: Cron, after: Date, count: number): Date[] {
  return schedule.nextRuns(count, after);
}

export interface DueTicks {
  /** The newest tick in (since, now]: the one to run. Null when none is due. */
  readonly due: Date | null;
  /** Older ticks in (since, due) that were missed (downtime): recorded, never run. */
  readonly missed: readonly Date[];
  /** Missed ticks beyond MAX_MISSED_TICKS_RECORDED, counted only (up to MAX_MISSED_TICKS_COUNTED). */
  readonly missedUnlisted: number;
}

/**
 * Which ticks fell between the last one handled and now. Only the newest runs: after downtime a
 * schedule runs once, not once per missed tick (no catch-up burst).
 */
export function dueTicks(schedule: Cron, since: Date, now: Date): DueTicks {
  const due = schedule.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
  if (due === null || due.getTime() <= since.getTime()) {
    return { due: null, missed: [], missedUnlisted: 0 };
  }
  const missed: Date[] = [];
  let unlisted = 0;
  let cursor = since;
  for (;;) {
    const next = schedule.nextRun(cursor);
    if (next === null || next.getTime() >= due.getTime()) break;
    if (missed.length < MAX_MISSED_TICKS_RECORDED) missed.push(next);
    else if (unlisted < MAX_MISSED_TICKS_COUNTED) unlisted += 1;
    else break;
    cursor = next;
  }
  return { due, missed, missedUnlisted: unlisted };
}
