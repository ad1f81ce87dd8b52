import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { NewStudyForm } from "@/components/admin/new-study-form";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listModelsWithCounts } from "@/lib/data/study-admin";

export const metadata: Metadata = { title: "New study" };

export default async function NewStudyPage() {
  const user = await requireRole(Role.ADMIN);
  return (
    <AppShell user={user} title="New study">
      <Card><NewStudyForm models={await listModelsWithCounts()} /></Card>
    </AppShell>
  );
}
