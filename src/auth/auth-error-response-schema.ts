import { Type } from 'typebox';

/** The documented 401 and 403 bodies, for any route's `response` schema when auth is on. */
export const AuthErrorResponseSchema = Type.Object(
  {
    detail: Type.Object({
      code: Type.Union([Type.Literal('UNAUTHORIZED'), Type.Literal('FORBIDDEN')]),
      message: Type.String(),
    }),
  },
  { description: 'No valid API key (401), or one that may not do this (403)' },
);
