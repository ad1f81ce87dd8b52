// Every table of a database's public schema with its row count and a hash of its rows (as text, in
// sorted order), so two databases can be compared table by table.
import pg from "pg";

export type TableDigest = Record<string, { rows: number; md5: string }>;

export async function tableDigest(url: string): Promise<TableDigest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const digest: TableDigest = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public.${table} t`,
      );
      digest[name] = rows[0]!;
    }
    return digest;
  } finally {
    await client.end();
  }
}

/** The columns of a public table, in their order. */
export async function tableColumns(url: string, table: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position", [table]);
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** Row count and hash of one table over the given columns only (to compare across a migration that dropped others). */
export async function columnsDigest(url: string, table: string, columns: readonly string[]): Promise<{ rows: number; md5: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const list = columns.map((c) => `t.${client.escapeIdentifier(c)}`).join(", ");
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS md5
       FROM (SELECT ROW(${list}) AS r FROM public.${client.escapeIdentifier(table)} t) x`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}
