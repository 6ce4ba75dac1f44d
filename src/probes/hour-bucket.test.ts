import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hourBucket } from './hour-bucket.ts';

describe('hourBucket', () => {
  it('formats the UTC hour as YYYYMMDDHH', () => {
    assert.equal(hourBucket(new Date('2026-03-07T09:59:59.999Z')), '2026030709');
    assert.equal(hourBucket(new Date('2026-12-31T23:00:00Z')), '2026123123');
  });

  it('uses UTC, not the local offset', () => {
    assert.equal(hourBucket(new Date('2026-01-01T00:30:00+02:00')), '2025123122');
  });

  it('starts a new bucket on the hour', () => {
    assert.notEqual(
      hourBucket(new Date('2026-05-01T10:59:59.999Z')),
      hourBucket(new Date('2026-05-01T11:00:00Z')),
    );
  });
});
