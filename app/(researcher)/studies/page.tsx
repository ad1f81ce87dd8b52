import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { StudyTable } from "@/components/admin/study-table";
import { requireRole, Role } from "@/lib/auth/guards";
import { listStudiesForStaff } from "@/lib/data/studies";

export const metadata: Metadata = { title: "Results" };

export default async function ResearcherHome() {
  const user = await requireRole(Role.RESEARCHER, Role.ADMIN);
  const studies = await listStudiesForStaff();
  return (
    <AppShell user={user} title="Study results">
      <StudyTable studies={studies} linkTo="results" />
    </AppShell>
  );
}
