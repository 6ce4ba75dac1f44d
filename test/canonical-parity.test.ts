// Real: the Python 3 reference (test/reference/canonical_reference.py), run once as a child
// process. Generated: a few thousand request bodies, from a fixed seed so a failure reproduces.
// Each body is hashed twice on the TypeScript side: by canonicalizeConfig directly, and by
// `prompter hash` (hashConfigLine, with its field checks), which must hash whatever Python hashes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  floatHeavyBodyArbitrary,
  requestBodyArbitrary,
} from './reference/request-body-arbitrary.ts';
import {
  isJsonObject,
  JsonSyntaxError,
  parseLosslessJson,
  UnrepresentableJsonError,
} from '../src/core/json/lossless-json.ts';
import { hashConfigLine } from '../src/templates/hash-config-lines.ts';
import { canonicalizeConfig } from '../src/core/canonical/canonicalize-config.ts';
import { templateConfigFromJson } from '../src/core/canonical/template-config-from-json.ts';

const SEED = 20250814;
const referenceScript = fileURLToPath(
  new URL('./reference/canonical_reference.py', import.meta.url),
);

type Outcome = { canonical: string; config_hash: string } | { error: string };

function typescriptOutcome(body: string): Outcome {
  try {
    const document = parseLosslessJson(body);
    if (!isJsonObject(document)) return { error: 'not_an_object' };
    const { canonical, configHash } = canonicalizeConfig(templateConfigFromJson(document));
    return { canonical, config_hash: configHash };
  } catch (error) {
    if (error instanceof UnrepresentableJsonError) return { error: error.reason };
    if (error instanceof JsonSyntaxError) return { error: 'syntax' };
    throw error;
  }
}

function pythonOutcomes(bodies: readonly string[]): Outcome[] {
  const run = spawnSync('python3', [referenceScript], {
    input: bodies.map((body) => `${body}\n`).join(''),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `the reference failed: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Outcome);
}

function findPython(): boolean {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

function sample(arbitrary: fc.Arbitrary<string>, numRuns: number, seedOffset: number): string[] {
  return fc.sample(arbitrary, { seed: SEED + seedOffset, numRuns });
}

const pythonAvailable = findPython();

describe('config hash parity with the Python reference', () => {
  it(
    'hashes thousands of generated request bodies byte for byte as Python does',
    { skip: pythonAvailable ? false : 'python3 not found: parity test skipped' },
    () => {
      const bodies = [
        ...sample(requestBodyArbitrary('none'), 2500, 0),
        ...sample(requestBodyArbitrary('lone_surrogate'), 400, 1),
        ...sample(requestBodyArbitrary('non_finite_number'), 400, 2),
        ...sample(floatHeavyBodyArbitrary(), 700, 3),
      ];
      const expected = pythonOutcomes(bodies);
      assert.equal(expected.length, bodies.length);

      const mismatches: string[] = [];
      const hashCommandMismatches: string[] = [];
      const errors = new Map<string, number>();
      let blankPrompts = 0;
      bodies.forEach((body, index) => {
        const python = expected[index];
        const typescript = typescriptOutcome(body);
        if ('error' in typescript)
          errors.set(typescript.error, (errors.get(typescript.error) ?? 0) + 1);
        if (
          'canonical' in typescript &&
          typescript.canonical.includes('"user_prompt_template":""')
        ) {
          blankPrompts += 1;
        }
        const command = hashConfigLine(body);
        const commandAgrees =
          python === undefined || 'error' in python
            ? 'error' in command
            : 'canonical' in command &&
              command.canonical === python.canonical &&
              command.config_hash === python.config_hash;
        if (!commandAgrees) {
          hashCommandMismatches.push(
            `body ${index}: ${JSON.stringify(body)}\n  python:       ${JSON.stringify(python)}\n` +
              `  prompter hash: ${JSON.stringify(command)}`,
          );
        }
        if (JSON.stringify(typescript) !== JSON.stringify(python)) {
          mismatches.push(
            `body ${index}: ${JSON.stringify(body)}\n  python:     ${JSON.stringify(python)}\n` +
              `  typescript: ${JSON.stringify(typescript)}`,
          );
        }
      });
      assert.deepEqual(mismatches.slice(0, 5), [], `${mismatches.length} mismatches`);
      assert.deepEqual(
        hashCommandMismatches.slice(0, 5),
        [],
        `${hashCommandMismatches.length} mismatches of prompter hash`,
      );
      // Empty and whitespace-only prompts (both hash as "") must be among the compared bodies.
      assert.ok(blankPrompts > 200, `${blankPrompts} bodies with an empty canonical prompt`);
      // The generator must reach the refusals too, or half the comparison is idle.
      assert.ok((errors.get('lone_surrogate') ?? 0) > 20, JSON.stringify([...errors]));
      assert.ok((errors.get('non_finite_number') ?? 0) > 20, JSON.stringify([...errors]));
      assert.ok(
        bodies.length -
          (errors.get('lone_surrogate') ?? 0) -
          (errors.get('non_finite_number') ?? 0) >
          3000,
      );
    },
  );
});
