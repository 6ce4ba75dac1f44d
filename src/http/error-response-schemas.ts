import { Type } from 'typebox';

/** Documented error bodies; every error is `{"detail": …}` (docs/api-contract.md §3). */
export const NotFoundResponseSchema = Type.Object(
  { detail: Type.String() },
  { description: 'Unknown (or malformed) id' },
);

export const ValidationErrorResponseSchema = Type.Object(
  {
    detail: Type.Array(
      Type.Object({
        loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
        msg: Type.String(),
        type: Type.String(),
      }),
    ),
  },
  { description: 'The request does not match the schema; each entry names the field' },
);
