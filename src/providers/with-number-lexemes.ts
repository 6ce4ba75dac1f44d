import { jsonNumberPlaceholders } from '../core/json/lossless-json.ts';

/**
 * The `fetch` to give a provider SDK. The SDKs serialise request bodies with `JSON.stringify`,
 * which writes `12345678901234567890` as `12345678901234567000` and `1.0` as `1`; adapters hand
 * them bodies whose exact numbers are placeholders (`jsonNumberPlaceholders.insert`), and this
 * puts the lexemes back into the serialised body on its way out. Other bodies pass unchanged.
 */
export function withNumberLexemes(baseFetch?: typeof fetch): typeof fetch {
  const send: typeof fetch = baseFetch ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init) => {
    if (typeof init?.body !== 'string') return send(input, init);
    return send(input, { ...init, body: jsonNumberPlaceholders.restore(init.body) });
  };
}
