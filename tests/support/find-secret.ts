import pg from 'pg';

/**
 * Every place in the database at `databaseUrl` where `secret` appears: each
 * text, varchar, jsonb and enum column of each table, as "table.column".
 * What a leak of a token into the data would look like, wherever it went.
 */
export async function columnsHolding(databaseUrl: string, secret: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'USER-DEFINED', 'jsonb', 'character varying')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of rows) {
      const hit = await client.query(`SELECT 1 FROM "${table_name}" WHERE strpos("${column_name}"::text, $1) > 0 LIMIT 1`, [secret]);
      if (hit.rowCount) found.push(`${table_name}.${column_name}`);
    }
    return found;
  } finally {
    await client.end();
  }
}
