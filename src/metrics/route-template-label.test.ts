import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTemplateLabel, UNMATCHED_ROUTE } from './route-template-label.ts';

describe('routeTemplateLabel', () => {
  it('writes Fastify parameters as the seed did: {name}', () => {
    assert.equal(
      routeTemplateLabel('/api/prompt-templates/:template_id/run'),
      '/api/prompt-templates/{template_id}/run',
    );
    assert.equal(
      routeTemplateLabel('/api/prompt-templates/:template_id/versions/:version_id'),
      '/api/prompt-templates/{template_id}/versions/{version_id}',
    );
  });

  it('leaves static routes alone', () => {
    assert.equal(routeTemplateLabel('/api/prompt-templates'), '/api/prompt-templates');
    assert.equal(routeTemplateLabel('/metrics'), '/metrics');
  });

  it('drops a parameter regex and handles several parameters in one segment', () => {
    assert.equal(routeTemplateLabel('/files/:name(^\\d+\\.png)/raw'), '/files/{name}/raw');
    assert.equal(routeTemplateLabel('/at/:hour-:minute'), '/at/{hour}-{minute}');
  });

  it("keeps Fastify's escaped colon as a literal colon", () => {
    assert.equal(routeTemplateLabel('/v1/models::batch'), '/v1/models:batch');
  });

  it('names a request without a route "unmatched"', () => {
    assert.equal(routeTemplateLabel(undefined), UNMATCHED_ROUTE);
    assert.equal(routeTemplateLabel(''), 'unmatched');
  });
});
