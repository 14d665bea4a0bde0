import { pageOfLog, PROVISIONING } from './log-entry';

/** The audit log: every token, service-account, role and settings change, newest first. */
export function listAuditLog(tenantId: string, page: number) {
  return pageOfLog(tenantId, { NOT: PROVISIONING }, page);
}
