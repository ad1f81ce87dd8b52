import type { Metadata } from "next";
import { UserManager } from "@/components/admin/user-manager";
import { AppShell } from "@/components/layout/app-shell";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listUsers } from "@/lib/data/user-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireRole(Role.ADMIN);
  return (
    <AppShell user={user} title="Users">
      <Card><UserManager users={await listUsers()} selfId={user.id} /></Card>
    </AppShell>
  );
}
