import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCountrySet } from './normalize-country-set.ts';

describe('normalizeCountrySet', () => {
  const cases: [string[], string[]][] = [
    [
      ['US', 'GB'],
      ['GB', 'US'],
    ],
    [
      ['uk', ' us ', 'GB'],
      ['GB', 'US'],
    ],
    [[' gb ', 'UK'], ['GB']],
    [['ukk', 'Uk\t'], ['GB']],
    [['', '  ', '\u00a0\u3000'], []],
    [['\x1cde\x85', 'DE'], ['DE']],
    [['\ufeffde'], ['\ufeffDE']],
    [
      ['ch', 'at', 'de', 'AT'],
      ['AT', 'CH', 'DE'],
    ],
    [['straße'], ['STRASSE']],
    [['uk '], ['GB']],
    [['u k'], ['U K']],
    [
      ['\uffff', '😀'],
      ['\uffff', '😀'],
    ],
    [[], []],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(normalizeCountrySet(input), expected);
    });
  }
});
