import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cron } from 'croner';
import { dueTicks, MAX_MISSED_TICKS_RECORDED, nextTicks, parseSchedule } from './schedule-ticks.ts';

function schedule(cron: string, timezone = 'UTC'): Cron {
  const parsed = parseSchedule(cron, timezone);
  assert.ok(parsed instanceof Cron, typeof parsed === 'string' ? parsed : 'parsed');
  return parsed;
}

function problemOf(parsed: Cron | string): string {
  return typeof parsed === 'string' ? parsed : 'no problem';
}

describe('parseSchedule', () => {
  it('rejects what cannot fire, naming the problem', () => {
    assert.match(problemOf(parseSchedule('61 * * * *', 'UTC')), /minute/);
    assert.match(problemOf(parseSchedule('* * * *', 'UTC')), /five fields/);
    assert.match(problemOf(parseSchedule('0 0 * * * *', 'UTC')), /five fields/);
    assert.match(
      problemOf(parseSchedule('* * * * *', 'Mars/Olympus')),
      /unknown time zone 'Mars\/Olympus'/,
    );
    assert.match(problemOf(parseSchedule('0 0 30 2 *', 'UTC')), /never fires/);
  });
});

describe('nextTicks', () => {
  it('follows the time zone across a daylight-saving change', () => {
    // Berlin leaves summer time on 2026-10-25: 09:00 local is 07:00Z before and 08:00Z after.
    const ticks = nextTicks(
      schedule('0 9 * * *', 'Europe/Berlin'),
      new Date('2026-10-24T12:00:00Z'),
      2,
    );
    assert.deepEqual(
      ticks.map((tick) => tick.toISOString()),
      ['2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    );
  });
});

describe('dueTicks', () => {
  it('runs only the newest tick after downtime and records the missed ones', () => {
    const every5 = schedule('*/5 * * * *');
    const result = dueTicks(
      every5,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-01T01:02:00Z'),
    );
    assert.equal(result.due?.toISOString(), '2026-12-01T01:00:00.000Z');
    assert.equal(result.missed.length, 11);
    assert.equal(result.missed[0]?.toISOString(), '2026-12-01T00:05:00.000Z');
    assert.equal(result.missed.at(-1)?.toISOString(), '2026-12-01T00:55:00.000Z');
    assert.equal(result.missedUnlisted, 0);
  });

  it('has nothing due when the newest tick was already handled', () => {
    const result = dueTicks(
      schedule('*/5 * * * *'),
      new Date('2026-12-01T01:00:00Z'),
      new Date('2026-12-01T01:04:59Z'),
    );
    assert.deepEqual(result, { due: null, missed: [], missedUnlisted: 0 });
  });

  it('a tick exactly at now is due', () => {
    const result = dueTicks(
      schedule('0 * * * *'),
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-01T01:00:00Z'),
    );
    assert.equal(result.due?.toISOString(), '2026-12-01T01:00:00.000Z');
    assert.equal(result.missed.length, 0);
  });

  it('lists at most the first missed ticks and counts the rest', () => {
    const minutely = schedule('* * * * *');
    const result = dueTicks(
      minutely,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-01T03:00:30Z'),
    );
    assert.equal(result.due?.toISOString(), '2026-12-01T03:00:00.000Z');
    assert.equal(result.missed.length, MAX_MISSED_TICKS_RECORDED);
    assert.equal(result.missedUnlisted, 179 - MAX_MISSED_TICKS_RECORDED);
  });
});
