import { apiUser, Role } from "@/lib/auth/guards";
import { listStudiesForStaff } from "@/lib/data/studies";

export const dynamic = "force-dynamic";

// Staff-only list of studies with model names and progress counts.
export async function GET() {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  return Response.json({ studies: await listStudiesForStaff() });
}
