import { readFileSync } from 'node:fs';
import { defaultPriceTable, type ModelPrice, type PriceTable } from './price-table.ts';

/**
 * The price table: the defaults, with the entries of `PROMPTER_PRICES_FILE` (JSON: `{"model-id":
 * {"input_per_million": 2.5, "output_per_million": 10}}`) added or replacing theirs. Throws an
 * Error naming the file and the entry when the file cannot be used, so start-up stops there.
 */
export function loadPriceTable(path: string | null): PriceTable {
  if (path === null) return defaultPriceTable;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PROMPTER_PRICES_FILE ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`PROMPTER_PRICES_FILE ${path}: expected a JSON object of model prices`);
  }
  const table: Record<string, ModelPrice> = { ...defaultPriceTable };
  for (const [model, entry] of Object.entries(parsed)) {
    const input = (entry as Record<string, unknown> | null)?.['input_per_million'];
    const output = (entry as Record<string, unknown> | null)?.['output_per_million'];
    if (!isPrice(input) || !isPrice(output)) {
      throw new Error(
        `PROMPTER_PRICES_FILE ${path}: "${model}" needs input_per_million and output_per_million (numbers ≥ 0)`,
      );
    }
    table[model] = { inputPerMillion: input, outputPerMillion: output };
  }
  return table;
}

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
