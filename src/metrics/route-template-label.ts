/** The `route` label of requests no route matched (404s): a fixed value, never the raw URL. */
export const UNMATCHED_ROUTE = 'unmatched';

// `::` is Fastify's escaped literal colon; `:name` a parameter, optionally followed by a regex.
const PARAMETER = /::|:([A-Za-z_]\w*)(?:\((?:[^()\\]|\\.)*\))?/g;

/**
 * Writes a Fastify route template as the seed (Starlette) wrote it, so dashboards keep matching:
 * `/api/prompt-templates/:template_id/run` → `/api/prompt-templates/{template_id}/run`.
 */
export function routeTemplateLabel(url: string | undefined): string {
  if (url === undefined || url === '') return UNMATCHED_ROUTE;
  return url.replace(PARAMETER, (match, name: string | undefined) =>
    name === undefined ? ':' : `{${name}}`,
  );
}
