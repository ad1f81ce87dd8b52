import { apiUser, Role } from "@/lib/auth/guards";
import { listModelsWithCounts } from "@/lib/data/study-admin";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The models in the store with their output counts, for creating studies by script.
export const GET = route(async () => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  return Response.json({ models: await listModelsWithCounts() });
});
