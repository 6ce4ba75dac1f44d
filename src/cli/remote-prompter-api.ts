import { stringifyLosslessJson } from '../core/json/lossless-json.ts';
import type { ApiClient } from './api-client.ts';
import type { PrompterApi } from './prompter-api.ts';

const templatePath = (templateId: string) =>
  `/api/prompt-templates/${encodeURIComponent(templateId)}`;

/**
 * {@link PrompterApi} over HTTP. The casts trust the server's documented response shapes; the
 * values are the lossless parse of what it sent.
 */
export function remotePrompterApi(client: ApiClient): PrompterApi {
  return {
    createTemplate: async (body) =>
      (await client.request('POST', '/api/prompt-templates', {
        body: stringifyLosslessJson(body),
      })) as never,
    listTemplates: async (query) =>
      (await client.request('GET', '/api/prompt-templates', { query: { ...query } })) as never,
    getTemplate: async (templateId) =>
      (await client.request('GET', templatePath(templateId))) as never,
    deleteTemplate: async (templateId) => {
      await client.request('DELETE', templatePath(templateId));
      return null;
    },
    restoreTemplate: async (templateId) =>
      (await client.request('POST', `${templatePath(templateId)}/restore`, {
        body: '{}',
      })) as never,
    runTemplate: async (templateId, body) =>
      (await client.request('POST', `${templatePath(templateId)}/run`, {
        body: JSON.stringify(body),
      })) as never,
    listVersions: async (templateId) =>
      (await client.request('GET', `${templatePath(templateId)}/versions`)) as never,
    close: () => Promise.resolve(),
  };
}
