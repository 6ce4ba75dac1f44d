const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Creates one template per body through `POST /api/prompt-templates`, `concurrency` at a time.
 * Throws on the first answer other than 201, quoting it.
 */
export async function seedTemplates(
  baseUrl: string,
  bodies: readonly string[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next] as string;
      next += 1;
      const response = await fetch(`${baseUrl}/api/prompt-templates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.status !== 201) {
        throw new Error(`seeding answered ${response.status}: ${await response.text()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Asks check-duplicate about one body and returns its `exact_match`. */
export async function checkDuplicate(baseUrl: string, body: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/prompt-templates/check-duplicate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    throw new Error(`check-duplicate answered ${response.status}: ${await response.text()}`);
  }
  const answer = (await response.json()) as { exact_match: boolean };
  return answer.exact_match;
}
