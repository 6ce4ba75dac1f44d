import { ValidationError } from '../core/app-error.ts';
import { MAX_PROMPT_LENGTH } from './max-prompt-length.ts';

/** `{{ name }}` placeholders, spaces inside the braces optional. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export type RuntimeValue = string | number | boolean;

export interface RenderContext {
  readonly runtimeVars: Readonly<Record<string, RuntimeValue>>;
  readonly brandName: string | null;
  readonly country: string | null;
}

/**
 * Renders a user prompt template on the server (docs/api-contract.md §3): placeholders come from
 * `runtime_vars`; `brand_name` fills `{{brand}}`/`{{brand_name}}` and `country` fills
 * `{{country}}` unless `runtime_vars` sets them. Every missing variable is named in one 422.
 */
export function renderPrompt(template: string, context: RenderContext): string {
  const values = new Map<string, string>();
  if (context.brandName !== null) {
    values.set('brand', context.brandName);
    values.set('brand_name', context.brandName);
  }
  if (context.country !== null) values.set('country', context.country);
  for (const [name, value] of Object.entries(context.runtimeVars)) values.set(name, String(value));

  const missing = new Set<string>();
  // Measured before anything is built: a short template repeating a long value could otherwise
  // render hundreds of millions of characters (and block the event loop doing it).
  let length = codePointLength(template);
  const valueLengths = new Map<string, number>();
  for (const [placeholder, name] of template.matchAll(PLACEHOLDER) as Iterable<[string, string]>) {
    const value = values.get(name);
    if (value === undefined) {
      missing.add(name);
      continue;
    }
    let valueLength = valueLengths.get(name);
    if (valueLength === undefined) {
      valueLength = codePointLength(value);
      valueLengths.set(name, valueLength);
    }
    length += valueLength - codePointLength(placeholder);
  }
  if (missing.size > 0) {
    throw new ValidationError(
      [...missing].map((name) => ({
        loc: ['body', 'runtime_vars', name],
        msg: `The prompt template needs {{${name}}}: pass it in runtime_vars${hintFor(name)}`,
        type: 'missing_variable',
      })),
    );
  }
  if (length > MAX_PROMPT_LENGTH) {
    throw new ValidationError([
      {
        loc: ['body', 'runtime_vars'],
        msg: `The rendered prompt would be ${length} characters; a prompt may be at most ${MAX_PROMPT_LENGTH} (the rendered_prompt limit)`,
        type: 'string_too_long',
      },
    ]);
  }
  return template.replace(PLACEHOLDER, (_placeholder, name: string) => values.get(name) as string);
}

/** Characters as JSON Schema's `maxLength` counts them: code points, not UTF-16 units. */
function codePointLength(text: string): number {
  let surrogatePairs = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs += 1;
        index += 1;
      }
    }
  }
  return text.length - surrogatePairs;
}

function hintFor(name: string): string {
  if (name === 'brand' || name === 'brand_name') return ' or set brand_name';
  if (name === 'country') return ' or set country';
  return '';
}

/** The placeholder names a template uses, in order of first appearance. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}
