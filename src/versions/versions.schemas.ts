import { Type } from 'typebox';
import { ProviderNameSchema } from '../templates/templates.schemas.ts';

export const EnsureVersionBodySchema = Type.Object(
  {
    provider: Type.Optional(Type.Union([ProviderNameSchema, Type.Null()])),
    model_id: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
    ),
    system_instructions: Type.Optional(
      Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()]),
    ),
    inference_params: Type.Optional(
      Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    ),
  },
  {
    title: 'EnsureVersionRequest',
    description:
      "Every field is optional: by default the template's own provider, model and settings are probed.",
    examples: [{}],
  },
);

export const EnsureVersionResponseSchema = Type.Object(
  {
    version_id: Type.String(),
    provider: Type.String(),
    provider_version_key: Type.String(),
    captured_at: Type.String({ format: 'date-time' }),
  },
  { title: 'EnsuredVersion', description: 'The version serving the template now, recorded' },
);

export const VersionSchema = Type.Object(
  {
    version_id: Type.String(),
    provider_version_key: Type.String(),
    provider: Type.String(),
    model_id: Type.String(),
    served_model_id: Type.Union([Type.String(), Type.Null()]),
    system_fingerprint: Type.Union([Type.String(), Type.Null()]),
    model_version: Type.Union([Type.String(), Type.Null()]),
    service_tier: Type.Union([Type.String(), Type.Null()]),
    azure_deployment: Type.Union([Type.String(), Type.Null()]),
    azure_api_version: Type.Union([Type.String(), Type.Null()]),
    first_seen_at: Type.String({ format: 'date-time' }),
    last_seen_at: Type.String({ format: 'date-time' }),
  },
  { title: 'Version', description: 'One provider version key that served the template' },
);

export const VersionTimelineSchema = Type.Object(
  { items: Type.Array(VersionSchema) },
  {
    title: 'VersionTimeline',
    description: 'Every version key that served the template, first seen first',
  },
);
