import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/app-error.ts';
import { MAX_PROMPT_LENGTH } from './max-prompt-length.ts';
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

  it('renders up to the rendered_prompt cap and refuses one character more, before building it', () => {
    const template = '{{a}}{{a}}';
    const half = MAX_PROMPT_LENGTH / 2;
    const atCap = renderPrompt(template, { ...empty, runtimeVars: { a: 'x'.repeat(half) } });
    assert.equal(atCap.length, MAX_PROMPT_LENGTH);
    assert.throws(
      () => renderPrompt(`${template}!`, { ...empty, runtimeVars: { a: 'x'.repeat(half) } }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.issues[0]?.type, 'string_too_long');
        assert.match(
          error.issues[0]?.msg ?? '',
          /200001 characters; a prompt may be at most 200000/,
        );
        return true;
      },
    );
  });

  it('counts characters as code points, like the rendered_prompt schema', () => {
    const emoji = '\u{1F600}'.repeat(MAX_PROMPT_LENGTH);
    assert.equal(renderPrompt('{{a}}', { ...empty, runtimeVars: { a: emoji } }), emoji);
    assert.throws(
      () => renderPrompt('{{a}}.', { ...empty, runtimeVars: { a: emoji } }),
      ValidationError,
    );
  });

  it('refuses 1000 placeholders of a 100 KB value in milliseconds', () => {
    const started = performance.now();
    assert.throws(
      () =>
        renderPrompt('{{a}}'.repeat(1000), { ...empty, runtimeVars: { a: 'x'.repeat(100_000) } }),
      /100000000 characters/,
    );
    assert.ok(performance.now() - started < 200);
  });
});
