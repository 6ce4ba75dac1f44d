// A run executed outside HTTP, as a batch worker or the CLI would: no app, no request.
// Real: the database (both dialects), migrations, services and the fake providers with their fault
// switch. Recorded: the metrics.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRecordingMetrics } from '../../test/helpers/recording-metrics.ts';
import { uniqueWorkspace } from '../../test/helpers/template-bodies.ts';
import { testDialects, type TestDatabase } from '../../test/helpers/test-databases.ts';
import { loadConfig } from '../config/load-config.ts';
import { AppError, NotFoundError } from '../core/app-error.ts';
import { systemRuntime } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { createServices, type Services } from '../services.ts';
import type { RunRequest } from './run-request.ts';

for (const dialect of testDialects) {
  describe(`executeRun [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testDatabase: TestDatabase;
    const metrics = createRecordingMetrics();
    let healthy: Services;
    /** The same database, with a fake that answers every call with a 429. */
    let rateLimited: Services;
    let templateId: string;

    const servicesWith = (environment: Record<string, string>) =>
      createServices({
        config: loadConfig({ LOG_LEVEL: 'silent', ...environment }),
        database: testDatabase.database,
        runtime: systemRuntime,
        metrics,
        redis: null,
      });
    const request = (overrides: Partial<RunRequest> = {}): RunRequest => ({
      templateId,
      caller: { kind: 'open' },
      renderedPrompt: null,
      runtimeVars: {},
      brandName: null,
      country: 'US',
      analysisScope: 'brand',
      useGrounding: false,
      ...overrides,
    });

    before(async () => {
      testDatabase = await dialect.open();
      await migrateToLatest(testDatabase.database.db);
      healthy = await servicesWith({});
      rateLimited = await servicesWith({ PROMPTER_FAKE_FAULTS: 'rate_limit=1,scope=call' });
      const template = await healthy.templates.createTemplate({
        orgId: 'default',
        workspaceId: uniqueWorkspace(),
        name: 'outside HTTP',
        provider: null,
        createdBy: null,
        config: {
          systemInstructions: null,
          userPromptTemplate: 'Top brands in {{country}}?',
          countrySet: ['US'],
          modelId: 'gpt-4o',
          inferenceParams: null,
          toolsSpec: null,
          responseFormat: null,
          groundingProfileId: null,
          groundingSnapshotId: null,
          retrievalParams: null,
          preprocessPipelineId: null,
          postprocessPipelineId: null,
        },
      });
      templateId = template.id;
    });
    after(() => testDatabase.dispose());

    it('returns a succeeded outcome with the stored result and its version', async () => {
      const outcome = await healthy.runs.executeRun(request({ batchId: null, sampleIndex: 2 }));
      assert.equal(outcome.status, 'succeeded');
      if (outcome.status !== 'succeeded') return;
      assert.equal(outcome.result.status, 'succeeded');
      assert.equal(outcome.result.templateId, templateId);
      assert.equal(outcome.result.sampleIndex, 2);
      assert.equal(outcome.result.content, '[FAKE openai::gpt-4o] Top brands in US?');
      assert.equal(outcome.result.versionId, outcome.version.id);
      assert.equal(outcome.version.providerVersionKey, outcome.result.providerVersionKey);
      const stored = await healthy.results.getResult(outcome.result.id, { kind: 'open' });
      assert.deepEqual(stored, outcome.result);
    });

    it('returns a failed outcome with the typed ProviderError, and stores it, without throwing', async () => {
      const before = metrics.count('resultStored');
      const outcome = await rateLimited.runs.executeRun(request());
      assert.equal(outcome.status, 'failed');
      if (outcome.status !== 'failed') return;
      assert.ok(outcome.error instanceof ProviderError);
      assert.equal(outcome.error.kind, 'rate_limited');
      assert.equal(outcome.error.retryable, true);
      assert.equal(outcome.result.status, 'failed');
      assert.equal(outcome.result.versionId, null);
      assert.deepEqual(outcome.result.error, outcome.error.toJSON());
      const stored = await rateLimited.results.getResult(outcome.result.id, { kind: 'open' });
      assert.deepEqual(stored, outcome.result);
      assert.equal(metrics.count('resultStored'), before + 1);
    });

    it('reports a fake slower than PROMPTER_PROVIDER_TIMEOUT_MS like a live timeout', async () => {
      const slow = await servicesWith({
        PROMPTER_FAKE_LATENCY_MS: '60000',
        PROMPTER_PROVIDER_TIMEOUT_MS: '50',
      });
      const outcome = await slow.runs.executeRun(request());
      assert.equal(outcome.status, 'failed');
      if (outcome.status !== 'failed') return;
      assert.equal(outcome.error.kind, 'timeout');
      assert.equal(outcome.error.retryable, true);
      assert.equal(outcome.error.message, 'OpenAI did not answer within 50 ms');
    });

    it('runTemplate turns the same failure into the 502 naming the stored result', async () => {
      await assert.rejects(rateLimited.runs.runTemplate(request()), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'PROVIDER_ERROR');
        assert.equal(error.extra['kind'], 'rate_limited');
        assert.equal(typeof error.extra['result_id'], 'string');
        return true;
      });
    });

    it('still throws a typed error before any call: an unknown template is a 404', async () => {
      const calls = metrics.count('providerCallObserved');
      await assert.rejects(
        healthy.runs.executeRun(request({ templateId: '00000000-0000-7000-8000-000000000000' })),
        NotFoundError,
      );
      assert.equal(metrics.count('providerCallObserved'), calls);
    });
  });
}
