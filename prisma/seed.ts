// `npm run db:seed`: the demo study and accounts (idempotent).
import { seedDemo } from "@/lib/demo/seed-demo";

const result = await seedDemo();
console.log(result === "seeded" ? "[pairwise] demo study seeded" : "[pairwise] demo data already present");
process.exit(0);
