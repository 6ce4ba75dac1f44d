import { v7 as uuidv7 } from 'uuid';

/** The clock and id source, injected so tests can pin them (STYLE point 7). */
export interface RuntimeDeps {
  now(): Date;
  /** A new row id: UUID v7, time-ordered so new rows land at the end of the primary-key index. */
  newId(): string;
}

export const systemRuntime: RuntimeDeps = {
  now: () => new Date(),
  newId: () => uuidv7(),
};
