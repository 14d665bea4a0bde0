import { openDatabase } from './database';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
try {
  const db = await openDatabase({ migrate: true });
  const { applied, alreadyApplied, durationMs } = db.migration!;
  console.log(`${applied.length} migration(s) applied, ${alreadyApplied} already applied, in ${durationMs.toFixed(0)} ms`);
  await db.stop();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
