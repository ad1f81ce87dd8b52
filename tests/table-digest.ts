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
