import type { BatchModel, BatchSpec } from './batch-spec.ts';

/** Where one cell sits in its batch's matrix. */
export interface BatchCellCoordinates {
  readonly country: string | null;
  readonly model: BatchModel;
  readonly sampleIndex: number;
}

/**
 * Every cell of a batch: countries × models × samples, in a stable order (country, then model,
 * then sample), so the cells of one country and model run close together.
 */
export function batchCellCoordinates(spec: BatchSpec): BatchCellCoordinates[] {
  const cells: BatchCellCoordinates[] = [];
  for (const country of spec.countries) {
    for (const model of spec.models) {
      for (let sampleIndex = 0; sampleIndex < spec.samples; sampleIndex += 1) {
        cells.push({ country, model, sampleIndex });
      }
    }
  }
  return cells;
}
