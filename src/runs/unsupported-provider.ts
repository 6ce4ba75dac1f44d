import { ValidationError } from '../core/app-error.ts';

/** A 422: in live mode a model id no rule recognises has no adapter to call. */
export function unsupportedProvider(provider: string, modelId: string): ValidationError {
  return new ValidationError([
    {
      loc: ['body', 'provider'],
      msg: `No ${provider} provider can serve model "${modelId}": set "provider" on the template or in the request`,
      type: 'provider_unsupported',
    },
  ]);
}
