import { Type, type Static } from 'typebox';

export const ListAuditLogQuerySchema = Type.Object({
  org_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'With auth off, the org to read (default "default"); with a key, its own org.',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'next_cursor of the previous page' }),
  ),
});
export type ListAuditLogQuery = Static<typeof ListAuditLogQuerySchema>;

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    org_id: Type.String(),
    actor: Type.String({ description: 'An API key id, `cli:<user>`, or `anonymous` (auth off).' }),
    action: Type.String({ description: 'e.g. key.created, key.revoked, template.deleted' }),
    target_type: Type.Union([Type.String(), Type.Null()]),
    target_id: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
    created_at: Type.String({ format: 'date-time' }),
  },
  { title: 'AuditEntry', description: 'One administrative action' },
);
export type AuditEntryResponse = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Type.Object(
  { items: Type.Array(AuditEntrySchema), next_cursor: Type.Union([Type.String(), Type.Null()]) },
  { title: 'AuditPage', description: 'One page of administrative actions, newest first' },
);
