import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether binding to `host` keeps the server reachable from this machine only: `localhost`,
 * 127.0.0.0/8, `::1` and 127.0.0.0/8 mapped into IPv6. Anything else, including `0.0.0.0`, `::`,
 * other host names and forms the resolver might still accept (`127.1`), counts as exposed.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  if (name === 'localhost' || name === 'localhost.') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  if (!isIPv6(bare)) return false;
  // The URL parser writes an IPv6 address in its one compressed form: `::1`, `::ffff:7f00:1`.
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
