import type { LiveVersionKey } from '../create-live-model-provider.ts';
import { emptyVersionParts } from '../provider-contract.ts';

/**
 * The version key of a Claude answer (docs/api-contract.md §4): the served `model`, which is a dated snapshot
 * (`claude-sonnet-4-20250514`) even when the request named an alias (`claude-sonnet-4-0`), so an
 * alias moving to a new snapshot shows as a new key
 * (https://docs.anthropic.com/en/docs/about-claude/models/overview#model-aliases).
 * `usage.service_tier` is the tier that served it (`standard`, `priority`, `batch`).
 */
export function extractAnthropicVersionKey(
  body: Readonly<Record<string, unknown>>,
): LiveVersionKey {
  const servedModelId = nonEmptyString(body['model']);
  const usage = body['usage'];
  const serviceTier =
    typeof usage === 'object' && usage !== null
      ? nonEmptyString((usage as Record<string, unknown>)['service_tier'])
      : null;
  return {
    versionKey: servedModelId,
    versionParts: { ...emptyVersionParts, servedModelId, serviceTier },
  };
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
