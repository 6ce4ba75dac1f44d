// Real: ESLint with the project's own eslint.config.js, linting source text as if it were the
// named file (nothing is written). Each layer rule of src/README.md gets a forbidden import that
// must fail `npm run lint` and an allowed one that must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The project's config without type information: these rules read import paths only, and the
// type-aware program would cost half a minute.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** The import-boundaries messages ESLint reports for `code` placed at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  assert.ok(result !== undefined);
  const fatal = result.messages.filter((message) => message.fatal === true);
  assert.deepEqual(fatal, [], 'the text must parse');
  return result.messages
    .filter((message) => message.ruleId === 'prompter/import-boundaries')
    .map((message) => message.message);
}

interface Case {
  readonly title: string;
  readonly filePath: string;
  readonly forbidden: string;
  readonly message: RegExp;
  readonly allowed: string;
}

const cases: readonly Case[] = [
  {
    title: 'a provider imports a feature',
    filePath: 'src/providers/provider-error.ts',
    forbidden: "import '../templates/template.ts';\n",
    message: /A provider must not import a feature \(src\/templates\/template\.ts\)/,
    allowed: "import '../config/app-config.ts';\nimport './provider-contract.ts';\n",
  },
  {
    title: 'a provider imports a feature lazily, from an adapter folder',
    filePath: 'src/providers/openai/openai-provider.ts',
    forbidden: "export const load = () => import('../../runs/call-model.ts');\n",
    message: /A provider must not import a feature \(src\/runs\/call-model\.ts\)/,
    allowed: "export const load = () => import('../provider-error.ts');\n",
  },
  {
    title: "a feature imports another feature's repository",
    filePath: 'src/runs/execute-run.ts',
    forbidden: "import '../results/results.repository.ts';\n",
    message: /belongs to the results feature: use its service or domain type/,
    allowed: "import '../results/record-result.ts';\nimport '../results/result.ts';\n",
  },
  {
    title: "a feature imports another feature's table",
    filePath: 'src/versions/versions.service.ts',
    forbidden: "export type { PromptTemplatesTable } from '../templates/templates.table.ts';\n",
    message: /src\/templates\/templates\.table\.ts belongs to the templates feature/,
    allowed: "export type { PromptVersionsTable } from './versions.table.ts';\n",
  },
  {
    title: 'core imports something outside core',
    filePath: 'src/core/canonical/canonicalize-config.ts',
    forbidden: "import '../../db/database-executor.ts';\n",
    message: /src\/core\/ holds pure domain rules/,
    allowed: "import '../json/lossless-json.ts';\nimport 'node:crypto';\n",
  },
  {
    title: 'source imports from test/',
    filePath: 'src/runs/execute-run.ts',
    forbidden: "import '../../test/helpers/recording-metrics.ts';\n",
    message: /Source must not import from test\/ \(test\/helpers\/recording-metrics\.ts\)/,
    allowed: "import '../metrics/metrics.ts';\n",
  },
  {
    title: 'source imports test-only fixtures',
    filePath: 'src/providers/openai/openai-provider.ts',
    forbidden: "import './openai.fixtures.ts';\n",
    message: /src\/providers\/openai\/openai\.fixtures\.ts is test-only/,
    allowed: "import './openai-request.ts';\n",
  },
];

describe('eslint: import boundaries (src/README.md)', () => {
  for (const rule of cases) {
    it(`fails when ${rule.title}`, async () => {
      const errors = await boundaryErrors(rule.filePath, rule.forbidden);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0] ?? '', rule.message);
    });
    it(`passes the allowed neighbour of: ${rule.title}`, async () => {
      assert.deepEqual(await boundaryErrors(rule.filePath, rule.allowed), []);
    });
  }

  it('lets tests and fixtures import test/ helpers', async () => {
    const helper = "import '../../../test/helpers/provider-test-settings.ts';\n";
    assert.deepEqual(await boundaryErrors('src/providers/openai/openai.fixtures.ts', helper), []);
    assert.deepEqual(
      await boundaryErrors(
        'src/runs/execute-run.test.ts',
        "import '../../test/helpers/recording-metrics.ts';\n",
      ),
      [],
    );
  });
});
