// @ts-check
// The layer rules of src/README.md as an ESLint rule, so `npm run lint` holds them. It resolves
// every relative import (static, re-export and dynamic `import('…')`) against the importing file
// and reports:
//   - a provider (src/providers/**) importing a feature;
//   - a file importing another feature's `*.repository.ts` or `*.table.ts`;
//   - src/core/** importing anything in the project outside src/core/;
//   - source importing from test/, or a test-only `*.fixtures.ts` outside tests.
// Tests (`*.test.ts`) and fixtures (`*.fixtures.ts`) may import test/ helpers; the other rules
// hold for them too.
import { dirname, relative, resolve, sep } from 'node:path';

/** @param {string} path */
const posix = (path) => path.split(sep).join('/');
/** @param {string} path */
const isTestOnly = (path) => /\.(test|fixtures)\.ts$/.test(path);

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports respect the layers of src/README.md' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          features: { type: 'array', items: { type: 'string' } },
          tableAggregators: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'features'],
        additionalProperties: false,
      },
    ],
    messages: {
      providerImportsFeature:
        'A provider must not import a feature ({{target}}): providers know only their contract (src/providers/provider-contract.ts) and config.',
      foreignStorage:
        '{{target}} belongs to the {{feature}} feature: use its service or domain type, not its repository or table.',
      coreImportsOutside:
        'src/core/ holds pure domain rules and imports nothing of the project outside core/ ({{target}}).',
      sourceImportsTest:
        'Source must not import from test/ ({{target}}): move what it needs into src/, or make the importing file test-only.',
      fixturesOutsideTests: '{{target}} is test-only (*.fixtures.ts): import it from tests only.',
    },
  },
  create(context) {
    const [options] =
      /** @type {[{root: string, features: string[], tableAggregators?: string[]}]} */ (
        context.options
      );
    const from = posix(relative(options.root, context.filename));
    if (!from.startsWith('src/')) return {};
    const featureOf = (/** @type {string} */ path) => {
      const [top, name, rest] = path.split('/', 3);
      return top === 'src' && rest !== undefined && options.features.includes(name ?? '')
        ? (name ?? null)
        : null;
    };
    const fromFeature = featureOf(from);
    const testOnly = isTestOnly(from);

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = posix(relative(options.root, resolve(dirname(context.filename), source)));
      const report = (/** @type {string} */ messageId, data = {}) =>
        context.report({ node, messageId, data: { target, ...data } });
      if (target.startsWith('test/')) return testOnly ? undefined : report('sourceImportsTest');
      if (/\.fixtures\.ts$/.test(target) && !testOnly) return report('fixturesOutsideTests');
      if (from.startsWith('src/core/') && !target.startsWith('src/core/')) {
        return report('coreImportsOutside');
      }
      const targetFeature = featureOf(target);
      if (from.startsWith('src/providers/') && targetFeature !== null) {
        return report('providerImportsFeature');
      }
      const isTable = /\.table\.ts$/.test(target);
      if (
        targetFeature !== null &&
        targetFeature !== fromFeature &&
        (/\.repository\.ts$/.test(target) || isTable) &&
        !(isTable && (options.tableAggregators ?? []).includes(from))
      ) {
        return report('foreignStorage', { feature: targetFeature });
      }
      return undefined;
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};
