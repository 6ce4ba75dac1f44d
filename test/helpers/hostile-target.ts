// The app under attack in the hostile-input suite: one template and one result of its own, the
// routes it documents, a probe that checks every answer, and the ways to send cases at it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TestApp } from './build-test-app.ts';
import { sampleBody, type RouteContext } from './hostile-cases.ts';
import { bodyWith, corruptionsOf } from './hostile-corruptions.ts';
import { createHostileProbe, type HostileProbe, type HostileRequest } from './hostile-probe.ts';
import { documentedRoutes, fillPath, neverWrites, type DocumentedRoute } from './hostile-routes.ts';
import { bodyArbitrary, shapeOf } from './hostile-schema.ts';
import { templateBody } from './template-bodies.ts';

/** fast-check's seed: the same generated cases on every run and both databases. */
export const SEED = 20261123;

export const KNOWN_BODIES: Record<string, () => Record<string, unknown>> = {
  'POST /api/prompt-templates': () => templateBody(),
  'POST /api/prompt-templates/check-duplicate': () => templateBody(),
  'POST /api/prompt-templates/{template_id}/ensure-version': () => ({ model_id: 'gpt-4o' }),
  'POST /api/prompt-templates/{template_id}/run': () => ({ country: 'US', brand_name: 'Acme' }),
  'POST /api/prompt-templates/{template_id}/batches': () => ({ countries: ['US'], samples: 1 }),
  'POST /api/prompt-templates/{template_id}/batches/estimate': () => ({ samples: 2 }),
  'PATCH /api/schedules/{schedule_id}': () => ({ enabled: true }),
  'PUT /api/budgets': () => ({ monthly_calls: null, monthly_cost_usd: null }),
};

export interface Target {
  readonly testApp: TestApp;
  readonly routes: DocumentedRoute[];
  readonly context: RouteContext;
  readonly probe: HostileProbe;
  readonly headers: Record<string, string>;
}

/** An app with one template and one result of its own, and the routes it documents. */
export async function prepareTarget(
  testApp: TestApp,
  headers: Record<string, string>,
): Promise<Target> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/prompt-templates',
    headers,
    payload: templateBody(),
  });
  assert.equal(created.statusCode, 201, created.body);
  const templateId: string = created.json().id;
  const run = await testApp.app.inject({
    method: 'POST',
    url: `/api/prompt-templates/${templateId}/run`,
    headers,
    payload: { country: 'US' },
  });
  assert.equal(run.statusCode, 200, run.body);
  const batch = await testApp.app.inject({
    method: 'POST',
    url: `/api/prompt-templates/${templateId}/batches`,
    headers,
    payload: { countries: ['US'] },
  });
  assert.equal(batch.statusCode, 202, batch.body);
  const ids: Record<string, string> = {
    template_id: templateId,
    result_id: run.json().result_id,
    batch_id: batch.json().batch_id,
  };
  const context: RouteContext = {
    realSegment: (name) => ids[name] ?? '00000000-0000-4000-8000-000000000000',
    validBody: (route) => KNOWN_BODIES[`${route.method} ${route.path}`]?.() ?? sampleBody(route),
  };
  const routes = await documentedRoutes(testApp.app);
  return { testApp, routes, context, probe: createHostileProbe(testApp, headers), headers };
}

/** Sends every request; a template deleted on the way is restored so later cases still find it. */
export async function sweep(target: Target, requests: readonly HostileRequest[]): Promise<void> {
  for (const request of requests) {
    const response = await target.probe.send(request);
    if (request.method === 'DELETE' && response.statusCode === 204) {
      const restored = await target.testApp.app.inject({
        method: 'POST',
        url: `${request.url}/restore`,
        headers: target.headers,
      });
      assert.equal(restored.statusCode, 200, restored.body);
    }
  }
}

export function assertNoFailures(probe: HostileProbe): void {
  const failures = probe.failures.splice(0);
  assert.equal(
    failures.length,
    0,
    `${failures.length} broken answers:\n${failures.slice(0, 60).join('\n')}`,
  );
}

/** Valid bodies from each route's schema, one field corrupted; fixed seed, bounded runs. */
export async function corruptedBodiesProperty(target: Target, numRuns: number): Promise<void> {
  const bodyRoutes = target.routes.filter((route) => route.bodySchema?.properties !== undefined);
  const cases = fc.constantFrom(...bodyRoutes).chain((route) => {
    const schema = route.bodySchema ?? {};
    const fields = Object.entries(schema.properties ?? {});
    return fc.record({
      route: fc.constant(route),
      base: bodyArbitrary(schema),
      change: fc.constantFrom(...fields).chain(([field, fieldSchema]) =>
        fc.record({
          field: fc.constant(field),
          corruption: fc.constantFrom(
            ...corruptionsOf(shapeOf(fieldSchema), schema.required?.includes(field) ?? false),
          ),
        }),
      ),
    });
  });
  let index = 0;
  await fc.assert(
    fc.asyncProperty(cases, async ({ route, base, change }) => {
      index += 1;
      await sweep(target, [
        {
          label: `${route.path} #${index} ${change.field}: ${change.corruption.label} in ${JSON.stringify(base).slice(0, 160)}`,
          method: route.method,
          url: fillPath(route, target.context.realSegment),
          payload: bodyWith(base, change.field, change.corruption.fragment),
          headers: { 'content-type': 'application/json' },
          expect: change.corruption.expect,
          neverWrites: neverWrites(route),
        },
      ]);
    }),
    { seed: SEED, numRuns },
  );
}
