import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';

/** The parts of `npm run bench`, each a marked section of docs/benchmarks.md. */
export const BENCH_PARTS = ['http', 'data'] as const;
/** Every marked section: the parts, and `npm run bench:startup`'s own. */
const REPORT_SECTIONS = [...BENCH_PARTS, 'startup'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * Rewrites the report with the sections that were measured and keeps the others as they were,
 * so `BENCH_PARTS=data npm run bench` does not erase the HTTP figures (and the other way round).
 */
export async function writeReportSections(
  path: URL,
  measured: Partial<Record<ReportSection, string>>,
): Promise<void> {
  const existing = await readFile(path, 'utf8').catch(() => '');
  const sections = REPORT_SECTIONS.map((part) => {
    const text = measured[part] ?? keptSection(existing, part);
    return text === undefined
      ? ''
      : `<!-- bench:${part} -->\n\n${text.trim()}\n\n<!-- /bench:${part} -->\n`;
  });
  const options = await resolveConfig(path);
  const markdown = await format(sections.filter((text) => text !== '').join('\n'), {
    ...options,
    parser: 'markdown',
  });
  await writeFile(path, markdown, 'utf8');
}

function keptSection(existing: string, part: ReportSection): string | undefined {
  const start = existing.indexOf(`<!-- bench:${part} -->`);
  const end = existing.indexOf(`<!-- /bench:${part} -->`);
  if (start !== -1 && end > start) {
    return existing.slice(start + `<!-- bench:${part} -->`.length, end);
  }
  // The start-up section's markers before the sections were unified.
  const legacy = /<!-- startup-benchmark:begin -->([\s\S]*)<!-- startup-benchmark:end -->/.exec(
    existing,
  );
  if (part === 'startup' && legacy?.[1] !== undefined) return legacy[1];
  // A report written before the sections were marked is all HTTP figures.
  if (part === 'http' && existing.startsWith('# Benchmarks')) return existing;
  return undefined;
}

/** The parts named in BENCH_PARTS (comma-separated), all of them by default. */
export function readBenchParts(raw: string | undefined): Set<BenchPart> {
  if (raw === undefined || raw.trim() === '') return new Set(BENCH_PARTS);
  const parts = raw.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!(BENCH_PARTS as readonly string[]).includes(part)) {
      throw new Error(`BENCH_PARTS takes ${BENCH_PARTS.join(', ')}; got "${part}"`);
    }
  }
  return new Set(parts as BenchPart[]);
}
