import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { NewStudyForm } from "@/components/admin/new-study-form";
import { requireRole, Role } from "@/lib/auth/guards";
import { listModelsWithCounts } from "@/lib/data/study-admin";

export const metadata: Metadata = { title: "New study" };

type NewStudyPageProps = { searchParams: Promise<{ models?: string }> };

// ?models=name,name (the upload summary's link) preselects those models.
export default async function NewStudyPage({ searchParams }: NewStudyPageProps) {
  const user = await requireRole(Role.ADMIN);
  const [models, { models: named }] = await Promise.all([listModelsWithCounts(), searchParams]);
  const wanted = new Set((named ?? "").split(",").map((n) => n.trim()).filter(Boolean));
  const preselected = models.filter((m) => wanted.has(m.name)).map((m) => m.id);
  return (
    <AppShell user={user} title="New study">
      {/* A card from 640 px up; on a phone the form's own bordered groups are enough. */}
      <div className="sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white sm:p-6 sm:shadow-sm">
        <NewStudyForm models={models} initialModelIds={preselected} />
      </div>
    </AppShell>
  );
}
