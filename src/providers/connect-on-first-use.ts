/**
 * The adapter's client, built on its first call and kept. Settings are read then rather than at
 * start-up, so a deployment configures only the providers it uses: a provider without its key
 * fails each call with `not_configured` and never stops the service from starting.
 */
export function connectOnFirstUse<Connection>(connect: () => Connection): () => Connection {
  let connection: Connection | undefined;
  return () => (connection ??= connect());
}
