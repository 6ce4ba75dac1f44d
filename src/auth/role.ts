/** What an API key may do: viewers read, members also write, admins also administer. */
export const roles = ['admin', 'member', 'viewer'] as const;

export type Role = (typeof roles)[number];

const rank: Readonly<Record<Role, number>> = { viewer: 0, member: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when `role` grants at least what `required` grants. */
export function roleSatisfies(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}
