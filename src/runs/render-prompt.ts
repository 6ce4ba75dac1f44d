import { ValidationError } from '../core/app-error.ts';

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
  const rendered = template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      missing.add(name);
      return placeholder;
    }
    return value;
  });
  if (missing.size > 0) {
    throw new ValidationError(
      [...missing].map((name) => ({
        loc: ['body', 'runtime_vars', name],
        msg: `The prompt template needs {{${name}}}: pass it in runtime_vars${hintFor(name)}`,
        type: 'missing_variable',
      })),
    );
  }
  return rendered;
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
