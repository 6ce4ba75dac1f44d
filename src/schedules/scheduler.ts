import type { FiringReport } from './schedules.service.ts';

export interface SchedulerDeps {
  /** One look at the due schedules (SchedulesService.fireDueSchedules). */
  readonly fireDueSchedules: () => Promise<FiringReport>;
  /** How often to look; a tick fires within this long after its time. */
  readonly intervalMs: number;
  readonly onReport?: (report: FiringReport) => void;
  readonly onError: (error: unknown) => void;
}

export interface Scheduler {
  /** Resolves when the look in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Looks for due schedules every `intervalMs` in this process (the server and every worker run
 * one: the database decides which of them fires a tick). Looks never overlap; the timer does not
 * keep the process alive.
 */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const look = async (): Promise<void> => {
    try {
      const report = await deps.fireDueSchedules();
      deps.onReport?.(report);
    } catch (error) {
      deps.onError(error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = look().finally(schedule);
    }, deps.intervalMs);
    timer.unref();
  };
  current = look().finally(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
  };
}
