/** What one probe stands for: at most one per scope per UTC hour (docs/api-contract.md §5). */
export interface ProbeScope {
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly provider: string;
  readonly model: string;
}
