import type { ProbeScope } from './probe-scope.ts';

/** The Redis key of docs/api-contract.md §5: `probe:{org}:{ws}:{template}:{provider}:{model}:{YYYYMMDDHH}`. */
export function probeKey(scope: ProbeScope, bucket: string): string {
  const { orgId, workspaceId, templateId, provider, model } = scope;
  return `probe:${orgId}:${workspaceId}:${templateId}:${provider}:${model}:${bucket}`;
}
