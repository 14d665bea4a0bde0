import { isUuid, tenantDb } from '../db';

/** A person of the tenant by id or userName (the two ways /people/<key> names someone), or null. */
export function findPerson(tenantId: string, key: string) {
  const db = tenantDb(tenantId);
  return isUuid(key) ? db.user.findUnique({ where: { id: key } }) : db.user.findFirst({ where: { userName: key } });
}
