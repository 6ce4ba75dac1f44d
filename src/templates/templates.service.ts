import type { AuditService } from '../audit/audit.service.ts';
import { auditActor } from '../audit/audit-actor.ts';
import { canSee } from '../auth/can-see.ts';
import type { Principal } from '../auth/principal.ts';
import { AppError, NotFoundError } from '../core/app-error.ts';
import { canonicalizeConfig } from '../core/canonical/canonicalize-config.ts';
import type { TemplateConfig } from '../core/canonical/template-config.ts';
import { isUuid } from '../core/is-uuid.ts';
import { stringifyLosslessJson, type JsonValue } from '../core/json/lossless-json.ts';
import { decodePageCursor, PAGE_MAX_BYTES, pageOf } from '../core/page-cursor.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { Kysely } from 'kysely';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { rejectEmptyPrompt } from './reject-empty-prompt.ts';
import { checkTemplateFieldLimits } from './template-field-limits.ts';
import { templateFromRow, type Template } from './template.ts';
import {
  findActiveTwin,
  findTemplateById,
  insertTemplate,
  listTemplatesPage,
  markTemplateDeleted,
  markTemplateRestored,
} from './templates.repository.ts';

export interface TemplateDraft {
  readonly orgId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly provider: string | null;
  readonly createdBy: string | null;
  readonly config: TemplateConfig;
}

export interface DuplicateCheck {
  readonly exactMatch: boolean;
  readonly templateId: string | null;
  readonly configHash: string;
}

export interface TemplateListQuery {
  readonly orgId: string;
  readonly workspaceId: string | undefined;
  readonly includeDeleted: boolean;
  readonly limit: number;
  readonly cursor: string | undefined;
}

export interface TemplatePage {
  readonly items: Template[];
  readonly nextCursor: string | null;
}

export interface TemplatesServiceDeps {
  /** The database itself (not a transaction): delete and restore open their own. */
  readonly db: Kysely<DatabaseSchema>;
  readonly runtime: RuntimeDeps;
  readonly metrics: Metrics;
  readonly audit: AuditService;
}

const TEMPLATE_EXISTS_MESSAGE =
  'An identical prompt configuration already exists for this workspace.';

function templateExists(twinId: string): AppError {
  return new AppError('TEMPLATE_EXISTS', TEMPLATE_EXISTS_MESSAGE, { template_id: twinId });
}

/** Template identity: create, look up, list, soft delete and restore (docs/api-contract.md §3). */
export function createTemplatesService(deps: TemplatesServiceDeps) {
  const { db, runtime, metrics, audit } = deps;

  /**
   * The template if it exists and the caller may see it; another org's template is the same 404
   * as an unknown id, so ids never reveal that they exist.
   */
  async function requireTemplate(id: string, caller: Principal): Promise<Template> {
    const row = isUuid(id) ? await findTemplateById(db, id.toLowerCase()) : undefined;
    if (row === undefined || !canSee(caller, row.org_id))
      throw new NotFoundError('Template not found');
    return templateFromRow(row);
  }

  /** Appends a delete or restore to the audit log, naming who did it, in the change's transaction. */
  async function recordTemplateAction(
    action: 'template.deleted' | 'template.restored',
    template: Template,
    caller: Principal,
    transaction: DatabaseExecutor,
  ): Promise<void> {
    await audit.record(
      {
        orgId: template.orgId,
        actor: auditActor(caller),
        action,
        targetType: 'template',
        targetId: template.id,
        details: { workspace_id: template.workspaceId, config_hash: template.configHash },
      },
      transaction,
    );
  }

  /** Looks for the twin again after the unique index fired: the winner of the race. */
  async function conflictAfterRace(key: {
    orgId: string;
    workspaceId: string;
    configHash: string;
  }): Promise<AppError> {
    metrics.uniqueViolation('prompt_templates', 'unique_index');
    const twinId = await findActiveTwin(db, key);
    if (twinId === undefined) {
      // The twin was deleted between the failed insert and this read; the caller may retry.
      return new AppError('TEMPLATE_EXISTS', TEMPLATE_EXISTS_MESSAGE, { template_id: null });
    }
    return templateExists(twinId);
  }

  return {
    async createTemplate(draft: TemplateDraft): Promise<Template> {
      rejectEmptyPrompt(draft.config);
      checkTemplateFieldLimits(draft.config);
      const { canonical, configHash } = canonicalizeConfig(draft.config);
      const key = { orgId: draft.orgId, workspaceId: draft.workspaceId, configHash };
      const twinId = await findActiveTwin(db, key);
      if (twinId !== undefined) {
        metrics.uniqueViolation('prompt_templates', 'pre_check');
        throw templateExists(twinId);
      }
      const config = draft.config;
      const id = runtime.newId();
      try {
        await insertTemplate(db, {
          id,
          org_id: draft.orgId,
          workspace_id: draft.workspaceId,
          name: draft.name,
          provider: draft.provider,
          system_instructions: config.systemInstructions,
          user_prompt_template: config.userPromptTemplate,
          country_set: JSON.stringify(config.countrySet),
          model_id: config.modelId,
          inference_params: stringifyLosslessJson(config.inferenceParams ?? {}),
          tools_spec: stringifyLosslessJson(config.toolsSpec ?? []),
          response_format: nullableJsonText(config.responseFormat),
          grounding_profile_id: config.groundingProfileId,
          grounding_snapshot_id: config.groundingSnapshotId,
          retrieval_params: nullableJsonText(config.retrievalParams),
          preprocess_pipeline_id: config.preprocessPipelineId,
          postprocess_pipeline_id: config.postprocessPipelineId,
          config_hash: configHash,
          config_canonical_json: canonical,
          created_by: draft.createdBy,
          created_at: runtime.now().toISOString(),
          deleted_at: null,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw await conflictAfterRace(key);
        throw error;
      }
      return requireTemplate(id, { kind: 'open' });
    },

    /** Never writes: answers whether creating this configuration would be a 409. */
    async checkDuplicate(
      scope: { orgId: string; workspaceId: string },
      config: TemplateConfig,
    ): Promise<DuplicateCheck> {
      rejectEmptyPrompt(config);
      checkTemplateFieldLimits(config);
      const { configHash } = canonicalizeConfig(config);
      const twinId = await findActiveTwin(db, { ...scope, configHash });
      return { exactMatch: twinId !== undefined, templateId: twinId ?? null, configHash };
    },

    getTemplate: requireTemplate,

    /** A template that can still be run or probed: deleted templates are 404 here. */
    async getActiveTemplate(id: string, caller: Principal): Promise<Template> {
      const template = await requireTemplate(id, caller);
      if (template.deletedAt !== null) throw new NotFoundError('Template not found');
      return template;
    },

    async listTemplates(query: TemplateListQuery): Promise<TemplatePage> {
      const { rows, more } = await listTemplatesPage(db, {
        maxBytes: PAGE_MAX_BYTES,
        orgId: query.orgId,
        workspaceId: query.workspaceId,
        includeDeleted: query.includeDeleted,
        limit: query.limit,
        after: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
      });
      return pageOf(rows.map(templateFromRow), more);
    },

    async deleteTemplate(id: string, caller: Principal): Promise<void> {
      const template = await requireTemplate(id, caller);
      // Only the delete that changed the row records it: concurrent deletes audit once.
      const deleted = await db.transaction().execute(async (transaction) => {
        if (!(await markTemplateDeleted(transaction, template.id, runtime.now().toISOString()))) {
          return false;
        }
        await recordTemplateAction('template.deleted', template, caller, transaction);
        return true;
      });
      if (!deleted) throw new NotFoundError('Template not found');
    },

    /**
     * Restoring an active template is a no-op; restoring over an active twin is a 409. Only the
     * restore that changed the row records it, in the same transaction: concurrent restores of one
     * template all answer 200 and audit once.
     */
    async restoreTemplate(id: string, caller: Principal): Promise<Template> {
      const template = await requireTemplate(id, caller);
      if (template.deletedAt === null) return template;
      const key = {
        orgId: template.orgId,
        workspaceId: template.workspaceId,
        configHash: template.configHash,
      };
      const twinId = await findActiveTwin(db, key);
      // The active "twin" is this template itself when a concurrent restore got there first.
      if (twinId !== undefined && twinId !== template.id) throw templateExists(twinId);
      try {
        await db.transaction().execute(async (transaction) => {
          if (await markTemplateRestored(transaction, template.id)) {
            await recordTemplateAction('template.restored', template, caller, transaction);
          }
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw await conflictAfterRace(key);
        throw error;
      }
      return requireTemplate(template.id, caller);
    },
  };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;

function nullableJsonText(value: JsonValue | null): string | null {
  return value === null ? null : stringifyLosslessJson(value);
}
