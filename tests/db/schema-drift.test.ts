import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { databaseFacts, declaredFacts, diffFacts } from '../support/schema-facts';

// prisma migrate diff needs the schema engine binary, which cannot be had on
// every machine; this compares schema.prisma with the migrated database instead.
const schemaText = readFileSync('prisma/schema.prisma', 'utf8');

describe('migrations against schema.prisma', () => {
  let db: TestDatabase;
  let actual: Set<string>;
  beforeAll(async () => {
    db = await createTestDatabase();
    actual = await databaseFacts(db.url);
  });
  afterAll(() => db.drop());

  it('create exactly the tables, columns, indexes, keys and enums the schema declares', async () => {
    const declared = await declaredFacts(schemaText);
    expect(diffFacts(declared, actual)).toEqual([]);
    expect(declared.size).toBeGreaterThan(100);
  });

  it('would report a field added to schema.prisma without a migration', async () => {
    const edited = schemaText.replace('  nickName          String?\n', '  nickName          String?\n  pronouns          String?\n');
    expect(edited).not.toBe(schemaText);
    expect(diffFacts(await declaredFacts(edited), actual)).toEqual([
      'declared in schema.prisma, missing from the migrations: column User.pronouns text NULL default none',
    ]);
  });

  it('would report an index, a nullability and a delete rule changed only in schema.prisma', async () => {
    const edited = schemaText
      .replace('  @@index([tenantId, externalId])\n  @@index([tenantId, workEmail])', '  @@index([tenantId, workEmail])')
      .replace('  title             String?\n', '  title             String\n')
      .replace(
        'createdBy   User?              @relation(fields: [tenantId, createdById], references: [tenantId, id], onDelete: NoAction',
        'createdBy   User?              @relation(fields: [tenantId, createdById], references: [tenantId, id], onDelete: Cascade',
      );
    const diff = diffFacts(await declaredFacts(edited), actual);
    expect(diff).toContain('created by the migrations, not in schema.prisma: index User_tenantId_externalId_idx on User(tenantId, externalId)');
    expect(diff).toContain('declared in schema.prisma, missing from the migrations: column User.title text NOT NULL default none');
    expect(diff.some((line) => line.includes('ServiceAccount_tenantId_createdById_fkey') && line.includes('on delete CASCADE'))).toBe(true);
  });
});
