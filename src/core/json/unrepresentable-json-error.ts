export type JsonPath = readonly (string | number)[];

export type UnrepresentableReason = 'lone_surrogate' | 'non_finite_number';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Valid JSON that the Python reference cannot hash: a lone surrogate (`"\ud800"`) cannot be encoded
 * as UTF-8, and a float that overflows (`1e400`) becomes infinity, which `json.dumps` refuses.
 * docs/api-contract.md §2 answers these with a 422. `path` locates the value (for a bad key: the object's path
 * plus the key itself).
 */
export class UnrepresentableJsonError extends Error {
  override readonly name = 'UnrepresentableJsonError';
  readonly path: (string | number)[];

  constructor(
    readonly reason: UnrepresentableReason,
    path: JsonPath,
  ) {
    super(`${describeReason(reason)} at ${formatJsonPath(path)}`);
    this.path = [...path];
  }
}

function describeReason(reason: UnrepresentableReason): string {
  return reason === 'lone_surrogate'
    ? 'String contains a lone surrogate (an unpaired \\uD800-\\uDFFF), which cannot be encoded as UTF-8,'
    : 'Number is too large for a double (it overflows to infinity)';
}

/** `$.inference_params.stop[0]`, with odd keys quoted: `$["a b"]`. */
export function formatJsonPath(path: JsonPath): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
