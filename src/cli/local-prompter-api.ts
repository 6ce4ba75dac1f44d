import { orgFilterFor } from '../auth/org-filter-for.ts';
import type { Principal } from '../auth/principal.ts';
import { AppError, ValidationError } from '../core/app-error.ts';
import { templateConfigFromJson } from '../core/canonical/template-config-from-json.ts';
import { toPlainJson } from '../core/json/lossless-json.ts';
import { errorBody } from '../http/error-handler.ts';
import { findNulCharacter } from '../http/find-nul-character.ts';
import { toRunResponse } from '../runs/run-response.ts';
import { RunBodySchema } from '../runs/runs.schemas.ts';
import type { Services } from '../services.ts';
import { toTemplateResponse } from '../templates/template-response.ts';
import {
  CreateTemplateBodySchema,
  ListTemplatesQuerySchema,
  type CreateTemplateBody,
} from '../templates/templates.schemas.ts';
import { toVersionResponse } from '../versions/version-response.ts';
import { ApiResponseError } from './api-response-error.ts';
import type { PrompterApi } from './prompter-api.ts';
import { validateRequest } from './validate-request.ts';

/** Local mode acts as the database's owner, like the API with auth off. */
const owner: Principal = { kind: 'open' };

/**
 * {@link PrompterApi} on the local database: each call validates like its route, calls the same
 * service and maps the answer with the same response mapper; a domain error becomes the status
 * and `{"detail": …}` body the error handler would send.
 */
export function localPrompterApi(services: Services, close: () => Promise<void>): PrompterApi {
  const answer = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw new ApiResponseError(error.status, errorBody(error));
      throw error;
    }
  };

  return {
    createTemplate: (body) =>
      answer(async () => {
        const plain = toPlainJson(body) as CreateTemplateBody;
        validateRequest(CreateTemplateBodySchema, plain, 'body');
        const nulPath = findNulCharacter(body);
        if (nulPath !== null) {
          throw new ValidationError([
            {
              loc: ['body', ...nulPath],
              msg: 'Text must not contain the NUL character (\\u0000)',
              type: 'nul_character',
            },
          ]);
        }
        const template = await services.templates.createTemplate({
          orgId: orgFilterFor(owner, plain.org_id),
          workspaceId: plain.workspace_id,
          name: plain.name,
          provider: plain.provider ?? null,
          createdBy: plain.created_by ?? null,
          config: templateConfigFromJson(body),
        });
        return toTemplateResponse(template);
      }),

    listTemplates: (query) =>
      answer(async () => {
        const checked = { ...query };
        validateRequest(ListTemplatesQuerySchema, checked, 'querystring');
        const page = await services.templates.listTemplates({
          orgId: orgFilterFor(owner, checked.org_id),
          workspaceId: checked.workspace_id,
          includeDeleted: checked.include_deleted ?? false,
          limit: checked.limit ?? 50,
          cursor: checked.cursor,
        });
        return { items: page.items.map(toTemplateResponse), next_cursor: page.nextCursor };
      }),

    getTemplate: (templateId) =>
      answer(async () =>
        toTemplateResponse(await services.templates.getTemplate(templateId, owner)),
      ),

    deleteTemplate: (templateId) =>
      answer(async () => {
        await services.templates.deleteTemplate(templateId, owner);
        return null;
      }),

    restoreTemplate: (templateId) =>
      answer(async () =>
        toTemplateResponse(await services.templates.restoreTemplate(templateId, owner)),
      ),

    runTemplate: (templateId, body) =>
      answer(async () => {
        const checked = { ...body };
        validateRequest(RunBodySchema, checked, 'body');
        const outcome = await services.runs.runTemplate({
          templateId,
          caller: owner,
          renderedPrompt: checked.rendered_prompt ?? null,
          runtimeVars: checked.runtime_vars ?? {},
          brandName: checked.brand_name ?? null,
          country: checked.country ?? null,
          analysisScope: checked.analysis_scope ?? 'brand',
          useGrounding: checked.use_grounding ?? false,
        });
        return toRunResponse(outcome);
      }),

    listVersions: (templateId) =>
      answer(async () => ({
        items: (await services.versions.listVersions(templateId, owner)).map(toVersionResponse),
      })),

    close,
  };
}
