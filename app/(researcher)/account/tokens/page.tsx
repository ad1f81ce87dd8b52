import type { Metadata } from "next";
import { TokenManager } from "@/components/account/token-manager";
import { AppShell } from "@/components/layout/app-shell";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listApiTokens } from "@/lib/data/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireRole(Role.ADMIN, Role.RESEARCHER);
  return (
    <AppShell user={user} title="API tokens">
      <Card><TokenManager tokens={await listApiTokens(user.id)} /></Card>
    </AppShell>
  );
}
