import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { StudyTable } from "@/components/admin/study-table";
import { requireRole, Role } from "@/lib/auth/guards";
import { listStudiesForStaff } from "@/lib/data/studies";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminHome() {
  const user = await requireRole(Role.ADMIN);
  const studies = await listStudiesForStaff();
  return (
    <AppShell user={user} title="Studies">
      <StudyTable studies={studies} linkTo="admin" />
    </AppShell>
  );
}
