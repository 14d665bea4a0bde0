import { bulkInsertUsers, refreshUserStatistics, type BulkUserRow } from '../../lib/db/bulk-insert-users';
import type { GeneratedPerson } from './generate-company';

const BATCH = 5_000;

/** The User row a provisioning run would have produced for this person. */
function toUserRow(p: GeneratedPerson): BulkUserRow {
  return {
    id: p.id,
    userName: p.userName,
    externalId: p.externalId,
    active: true,
    displayName: p.displayName,
    givenName: p.givenName,
    familyName: p.familyName,
    nameFormatted: p.displayName,
    title: p.title,
    preferredLanguage: 'en-US',
    timezone: p.office.timeZone,
    emails: [{ value: p.workEmail, type: 'work', primary: true }],
    phoneNumbers: [
      { value: p.workPhone, type: 'work' },
      { value: p.mobilePhone, type: 'mobile' },
    ],
    addresses: [
      {
        type: 'work',
        formatted: p.office.name,
        streetAddress: p.office.streetAddress,
        locality: p.office.locality,
        postalCode: p.office.postalCode,
        country: p.office.country,
        primary: true,
      },
    ],
    workEmail: p.workEmail,
    employeeNumber: p.employeeNumber,
    department: p.department,
    costCenter: p.costCenter,
    managerId: p.managerId,
  };
}

/**
 * Inserts people level by level (a manager row must exist before its reports
 * reference it) in batches, reporting progress after each batch.
 */
export async function insertPeople(tenantId: string, people: readonly GeneratedPerson[], onProgress: (inserted: number) => void = () => {}): Promise<void> {
  const levels = new Map<number, GeneratedPerson[]>();
  for (const person of people) {
    const members = levels.get(person.level) ?? [];
    members.push(person);
    levels.set(person.level, members);
  }
  let inserted = 0;
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    const members = levels.get(level) ?? [];
    for (let start = 0; start < members.length; start += BATCH) {
      const batch = members.slice(start, start + BATCH);
      await bulkInsertUsers(tenantId, batch.map(toUserRow));
      inserted += batch.length;
      onProgress(inserted);
    }
    await refreshUserStatistics();
  }
}
