import { ValidationError } from '../core/app-error.ts';
import { normalizeText } from '../core/canonical/normalize-text.ts';
import type { TemplateConfig } from '../core/canonical/template-config.ts';

/**
 * A template must have a prompt. "" and a prompt of whitespace only both canonicalise to "" and
 * would be the same configuration, so both are refused alike (a 422 on create and
 * check-duplicate; docs/decisions/2026-12-01-empty-prompts.md). `prompter hash` does not apply
 * this rule: it hashes whatever the Python reference hashes.
 */
export function rejectEmptyPrompt(config: TemplateConfig): void {
  if (normalizeText(config.userPromptTemplate) !== '') return;
  throw new ValidationError([
    {
      loc: ['body', 'user_prompt_template'],
      msg: 'The prompt is empty: user_prompt_template needs text other than whitespace',
      type: 'value_error',
    },
  ]);
}
