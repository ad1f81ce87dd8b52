// Runs in each integration-test worker before the tests: point lib/env at the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
