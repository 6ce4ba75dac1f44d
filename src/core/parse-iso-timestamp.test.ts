import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIsoTimestamp } from './parse-iso-timestamp.ts';

describe('parseIsoTimestamp', () => {
  it('normalises dates and date-times to fixed-width UTC text', () => {
    assert.equal(parseIsoTimestamp('2026-11-23'), '2026-11-23T00:00:00.000Z');
    assert.equal(parseIsoTimestamp('2026-11-23T10:05'), '2026-11-23T10:05:00.000Z');
    assert.equal(parseIsoTimestamp('2026-11-23T10:05:07.25Z'), '2026-11-23T10:05:07.250Z');
    assert.equal(parseIsoTimestamp('2026-11-23T10:05:07+02:00'), '2026-11-23T08:05:07.000Z');
    assert.equal(parseIsoTimestamp('2026-11-23T00:30:00-0100'), '2026-11-23T01:30:00.000Z');
    assert.equal(parseIsoTimestamp('2024-02-29'), '2024-02-29T00:00:00.000Z');
    assert.equal(parseIsoTimestamp('9999-12-31T23:59:59.999Z'), '9999-12-31T23:59:59.999Z');
    assert.equal(parseIsoTimestamp('0001-01-01'), '0001-01-01T00:00:00.000Z');
  });

  it('refuses impossible dates and times instead of rolling them over', () => {
    for (const text of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '2026-01-01T10:00:60',
      '2026-01-01T10:00+24:00',
      '2026-01-01T10:00+05:60',
    ]) {
      assert.equal(parseIsoTimestamp(text), null, text);
    }
  });

  it('refuses instants past 9999 and text that is not ISO-8601', () => {
    for (const text of [
      '10000-01-01',
      '+010000-01-01T00:00:00Z',
      '9999-12-31T23:00:00-05:00',
      '-000001-01-01',
      '2026-1-1',
      '2026/01/01',
      'Mon, 23 Nov 2026 10:00:00 GMT',
      '2026-01-01T10',
      '2026-01-01 10:00',
      '1764000000',
      '',
    ]) {
      assert.equal(parseIsoTimestamp(text), null, text);
    }
  });
});
