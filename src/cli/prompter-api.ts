import type { Static } from 'typebox';
import type { JsonObject } from '../core/json/lossless-json.ts';
import type { RunResponse } from '../runs/run-response.ts';
import type { RunBody } from '../runs/runs.schemas.ts';
import type {
  ListTemplatesQuery,
  TemplatePageSchema,
  TemplateResponse,
} from '../templates/templates.schemas.ts';
import type { VersionTimelineSchema } from '../versions/versions.schemas.ts';

export type TemplatePageResponse = Static<typeof TemplatePageSchema>;
export type VersionTimelineResponse = Static<typeof VersionTimelineSchema>;

/**
 * What the data commands need from Prompter, answered in the API's own response shapes: by a
 * server over HTTP (`remote-prompter-api.ts`) or by the local database through the same services
 * and response mappers the routes use (`local-prompter-api.ts`). Errors are
 * {@link import('./api-response-error.ts').ApiResponseError} either way.
 *
 * Values from a server keep their number lexemes (see `format-json.ts`): a number field may hold
 * a `JsonNumber` there, so read numbers for display with `String(…)`.
 */
export interface PrompterApi {
  createTemplate(body: JsonObject): Promise<TemplateResponse>;
  listTemplates(query: ListTemplatesQuery): Promise<TemplatePageResponse>;
  getTemplate(templateId: string): Promise<TemplateResponse>;
  /** `DELETE …/{id}` answers 204: null. */
  deleteTemplate(templateId: string): Promise<null>;
  restoreTemplate(templateId: string): Promise<TemplateResponse>;
  runTemplate(templateId: string, body: RunBody): Promise<RunResponse>;
  listVersions(templateId: string): Promise<VersionTimelineResponse>;
  close(): Promise<void>;
}
