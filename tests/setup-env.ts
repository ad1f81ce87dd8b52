// Runs before each integration-test file: a fresh copy of the migrated template database,
// dropped when the file is done.
import { afterAll, inject } from "vitest";
import { createDatabaseFrom, dropDatabase, externalServer } from "../scripts/lib/postgres";

const server = externalServer(inject("serverAdminUrl"));
const name = `${inject("templateDatabase")}_${Math.random().toString(36).slice(2, 10)}`;
process.env.DATABASE_URL = await createDatabaseFrom(server, name, inject("templateDatabase"));

afterAll(async () => {
  await dropDatabase(server, name);
});
