import { inferProvider } from './infer-provider.ts';
import type { ProviderOrUnknown } from './provider-contract.ts';

/** What provider resolution needs of a template. */
export interface ProviderChoice {
  readonly provider: string | null;
  readonly modelId: string;
}

/** Provider = the caller's choice → the template's → inferred from the model id (docs/api-contract.md §3). */
export function resolveProvider(
  template: ProviderChoice,
  requested?: string | null,
): ProviderOrUnknown {
  return (requested ?? template.provider ?? inferProvider(template.modelId)) as ProviderOrUnknown;
}
