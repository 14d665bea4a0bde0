import { openDatabase } from '../../../tools/cli/database';

// Opens the database exactly as `npm run demo` does (the embedded one when
// DATABASE_URL is unset, data in EMBEDDED_DB_DIR), says where it is, and holds
// it until killed: the owner process that tests/db/embedded-restart.test.ts
// kills without warning.

const db = await openDatabase({ migrate: true, log: () => {} });
console.log(`ready ${db.url}`);
process.on('SIGTERM', () => void db.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
