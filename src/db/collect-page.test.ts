import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectPage, storedTextBytes } from './collect-page.ts';

/** A row stream that records how far it was read and whether it was closed. */
function rowStream(sizes: number[]) {
  const state = { read: 0, closed: false };
  async function* rows() {
    try {
      for (const [index, size] of sizes.entries()) {
        state.read++;
        await Promise.resolve();
        yield { id: String(index), text: 'x'.repeat(size) };
      }
    } finally {
      state.closed = true;
    }
  }
  return { rows: rows(), state };
}

const rowBytes = (size: number) => storedTextBytes({ id: '0', text: 'x'.repeat(size) });

describe('collectPage', () => {
  it('ends a page at limit rows and says more follow', async () => {
    const { rows, state } = rowStream([1, 1, 1, 1]);
    const page = await collectPage(rows, { limit: 3, maxBytes: 1000 });
    assert.deepEqual(
      page.rows.map((row) => row.id),
      ['0', '1', '2'],
    );
    assert.equal(page.more, true);
    assert.equal(state.closed, true);
  });

  it('ends a page before the row that would pass the byte budget, and closes the stream', async () => {
    const { rows, state } = rowStream([100, 100, 100, 100, 100, 100]);
    const page = await collectPage(rows, { limit: 500, maxBytes: rowBytes(100) * 2 + 10 });
    assert.deepEqual(
      page.rows.map((row) => row.id),
      ['0', '1'],
    );
    assert.equal(page.more, true);
    assert.equal(state.read, 3, 'reads one row past the page, no more');
    assert.equal(state.closed, true);
  });

  it('holds at least one row, even one larger than the budget', async () => {
    const { rows } = rowStream([5000, 1]);
    const page = await collectPage(rows, { limit: 10, maxBytes: 100 });
    assert.deepEqual(
      page.rows.map((row) => row.id),
      ['0'],
    );
    assert.equal(page.more, true);
  });

  it('says no more follow when the stream ends within the budget', async () => {
    const { rows } = rowStream([10, 10]);
    const page = await collectPage(rows, { limit: 2, maxBytes: 1000 });
    assert.equal(page.rows.length, 2);
    assert.equal(page.more, false);
  });

  it('counts UTF-8 bytes of text and 8 for other values', () => {
    assert.equal(storedTextBytes({ a: 'é', b: 1, c: null }), 2 + 8 + 8);
  });
});
