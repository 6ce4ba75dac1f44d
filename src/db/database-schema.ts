import type { AuditLogTable } from '../audit/audit.table.ts';
import type {
  BatchAttemptsTable,
  BatchCellsTable,
  BatchesTable,
} from '../batches/batches.table.ts';
import type { OrgBudgetsTable } from '../budgets/budgets.table.ts';
import type { ApiKeysTable } from '../keys/keys.table.ts';
import type { PromptResultsTable } from '../results/results.table.ts';
import type { SchedulesTable, ScheduleTicksTable } from '../schedules/schedules.table.ts';
import type { PromptTemplatesTable } from '../templates/templates.table.ts';
import type { PromptVersionsTable } from '../versions/versions.table.ts';

/** Every table Kysely knows about; each feature owns its table's type. */
export interface DatabaseSchema {
  prompt_templates: PromptTemplatesTable;
  prompt_versions: PromptVersionsTable;
  prompt_results: PromptResultsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  batches: BatchesTable;
  batch_cells: BatchCellsTable;
  batch_attempts: BatchAttemptsTable;
  schedules: SchedulesTable;
  schedule_ticks: ScheduleTicksTable;
  org_budgets: OrgBudgetsTable;
}
