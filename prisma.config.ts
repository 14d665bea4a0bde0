import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate` (the migrations are applied by
// `npm run db:migrate`, see lib/db/migrate.ts). The URL is read only by commands
// that connect, so a placeholder keeps `generate` working without a database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/orgwiki' },
});
