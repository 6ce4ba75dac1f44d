const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are UUIDs Prompter made; anything else cannot name a row (a 404, never a 500). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
