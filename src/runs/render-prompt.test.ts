import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/app-error.ts';
import { placeholderNames, renderPrompt } from './render-prompt.ts';

describe('renderPrompt', () => {
  const empty = { runtimeVars: {}, brandName: null, country: null };

  it('fills placeholders with or without inner spaces, numbers and booleans as text', () => {
    const rendered = renderPrompt('Top {{n}} {{ category }} in {{country}}: {{flag}}', {
      runtimeVars: { n: 10, category: 'supplements', flag: true },
      brandName: null,
      country: 'US',
    });
    assert.equal(rendered, 'Top 10 supplements in US: true');
  });

  it('fills brand and brand_name from brand_name, but runtime_vars wins', () => {
    const context = { runtimeVars: { country: 'DE' }, brandName: 'AVEA', country: 'CH' };
    assert.equal(renderPrompt('{{brand}}/{{brand_name}}/{{country}}', context), 'AVEA/AVEA/DE');
  });

  it('names every missing variable in one 422', () => {
    assert.throws(
      () => renderPrompt('{{a}} {{b}} {{a}} {{brand}}', empty),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(
          error.issues.map((issue) => issue.loc),
          [
            ['body', 'runtime_vars', 'a'],
            ['body', 'runtime_vars', 'b'],
            ['body', 'runtime_vars', 'brand'],
          ],
        );
        assert.match(error.issues[2]?.msg ?? '', /brand_name/);
        return true;
      },
    );
  });

  it('leaves text without placeholders, and single braces, untouched', () => {
    assert.equal(renderPrompt('{not} {{ }} plain', empty), '{not} {{ }} plain');
  });

  it('does not re-expand placeholders inside substituted values', () => {
    const context = { runtimeVars: { a: '{{b}}' }, brandName: null, country: null };
    assert.equal(renderPrompt('{{a}}', context), '{{b}}');
  });

  it('lists placeholder names once, in order', () => {
    assert.deepEqual(placeholderNames('{{x}} {{ y }} {{x}}'), ['x', 'y']);
  });
});
