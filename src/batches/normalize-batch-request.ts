import { ValidationError, type ValidationIssue } from '../core/app-error.ts';
import { normalizeCountrySet } from '../core/canonical/normalize-country-set.ts';
import { inferProvider } from '../providers/infer-provider.ts';
import type { ProviderOrUnknown } from '../providers/provider-contract.ts';
import type { BatchRequest } from './batch-request.ts';
import { batchLimits, type BatchModel, type BatchSpec } from './batch-spec.ts';

export interface BatchTemplateDefaults {
  readonly countrySet: readonly string[];
  readonly modelId: string;
  /** The provider the template itself runs on (its own, or inferred from its model). */
  readonly provider: ProviderOrUnknown;
}

/**
 * A batch request with its defaults filled from the template (countries: the template's
 * `country_set`, an empty set being the one cell without a country; models: the template's) and
 * every limit checked, or a 422 naming each problem.
 */
export function normalizeBatchRequest(
  request: BatchRequest,
  template: BatchTemplateDefaults,
  isSupported: (provider: ProviderOrUnknown) => boolean,
): BatchSpec {
  const issues: ValidationIssue[] = [];
  const countryCodes = normalizeCountrySet(request.countries ?? template.countrySet);
  const countries = countryCodes.length === 0 ? [null] : countryCodes;
  if (countryCodes.length > batchLimits.maxCountries) {
    issues.push(issue(['countries'], `at most ${batchLimits.maxCountries} countries`));
  }

  const models: BatchModel[] = [];
  const requested = request.models ?? [template.modelId];
  requested.forEach((entry, index) => {
    const modelId = typeof entry === 'string' ? entry : entry.model_id;
    const explicit = typeof entry === 'string' ? undefined : entry.provider;
    const provider: ProviderOrUnknown =
      (explicit as ProviderOrUnknown | undefined) ??
      (modelId === template.modelId ? template.provider : inferProvider(modelId));
    if (models.some((model) => model.modelId === modelId)) {
      issues.push(issue(['models', index], `model '${modelId}' is listed twice`));
    } else if (provider === 'unknown') {
      issues.push(
        issue(
          ['models', index],
          `cannot tell which provider serves '${modelId}': pass {"model_id": "${modelId}", "provider": …}`,
        ),
      );
    } else if (!isSupported(provider)) {
      issues.push(issue(['models', index], `provider '${provider}' is not configured here`));
    } else {
      models.push({ modelId, provider });
    }
  });
  if (requested.length > batchLimits.maxModels) {
    issues.push(issue(['models'], `at most ${batchLimits.maxModels} models`));
  }

  const samples = request.samples ?? 1;
  const total = countries.length * requested.length * samples;
  if (total > batchLimits.maxCells) {
    issues.push(
      issue(
        [],
        `${countries.length} countries × ${requested.length} models × ${samples} samples = ${total} cells; at most ${batchLimits.maxCells}`,
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    countries,
    models,
    samples,
    runtimeVars: request.runtime_vars ?? {},
    brandName: request.brand_name ?? null,
    useGrounding: request.use_grounding ?? false,
    concurrency: request.concurrency ?? batchLimits.defaultConcurrency,
    maxAttempts: request.max_attempts ?? batchLimits.defaultMaxAttempts,
    resendInterrupted: request.resend_interrupted ?? true,
  };
}

function issue(path: readonly (string | number)[], msg: string): ValidationIssue {
  return { loc: ['body', ...path], msg, type: 'value_error' };
}
