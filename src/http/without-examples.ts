import type { TSchema } from 'typebox';

/**
 * A titled schema for use inside another one. The document generator lifts a top-level body's or
 * response's `examples` out of its schema, so the nested copy must not carry them either, or the
 * one named component would have two different texts (`hoist-named-schemas.ts` refuses that).
 */
export function withoutExamples<Schema extends TSchema>(schema: Schema): Schema {
  const { examples: _examples, ...rest } = schema as Schema & { examples?: unknown };
  return rest as Schema;
}
