// PAIRWISE_MACHINERY_OFF for the bench: the app's own switches reach the server through its
// environment; the database's (lib/machinery.ts, DATABASE_MACHINERY) are settings of the scratch
// database, made before its first vote so every tally is kept one way throughout.
import pg from "pg";
import { DATABASE_MACHINERY } from "@/lib/machinery";

export function machineryOff(): string[] {
  return (process.env.PAIRWISE_MACHINERY_OFF ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** Sets the database's switches that PAIRWISE_MACHINERY_OFF names; returns what it turned off. */
export async function switchDatabaseMachinery(adminUrl: string, database: string): Promise<string[]> {
  const off = new Set(machineryOff());
  const chosen = Object.entries(DATABASE_MACHINERY).filter(([name]) => off.has(name) || off.has("all"));
  if (!chosen.length) return [];
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const [, { setting, off: value }] of chosen) await client.query(`ALTER DATABASE "${database}" SET ${setting} = '${value}'`);
  } finally {
    await client.end();
  }
  return chosen.map(([name]) => name);
}
