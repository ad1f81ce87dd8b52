import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { LeakReviewList } from "@/components/admin/leak-review-list";
import { UploadForm } from "@/components/admin/upload-form";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listFlaggedOutputs } from "@/lib/data/leak-review";
import { listUploads } from "@/lib/data/upload-list";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Uploads" };

export default async function UploadsPage() {
  const user = await requireRole(Role.ADMIN);
  const [uploads, flagged] = await Promise.all([listUploads(), listFlaggedOutputs()]);
  return (
    <AppShell user={user} title="Upload model outputs">
      <Card className="mb-8"><UploadForm maxBytes={env().UPLOAD_MAX_BYTES} /></Card>
      <h2 className="mb-2 text-lg font-semibold">Previous uploads</h2>
      {uploads.length === 0 ? <p className="text-slate-600">None yet.</p> : (
        // Focusable so keyboard users can scroll it sideways on a phone.
        <div tabIndex={0} role="region" aria-label="Previous uploads" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>{["File", "Format", "Rows", "Prompts new", "Matched", "Outputs added", "When"].map((h) => <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">{u.fileName}</td><td className="px-3 py-2">{u.format}</td>
                  <td className="px-3 py-2 tabular-nums">{u.rowCount}</td><td className="px-3 py-2 tabular-nums">{u.promptsNew}</td>
                  <td className="px-3 py-2 tabular-nums">{u.promptsMatched}</td><td className="px-3 py-2 tabular-nums">{u.outputsAdded}</td>
                  <td className="px-3 py-2 text-slate-500">{u.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card className="mt-8">
        <h2 id="flagged" className="mb-1 text-lg font-semibold">Answers that may reveal their author</h2>
        <p className="mb-3 text-sm text-slate-600">
          Found at upload: an answer introducing itself as a model or naming who trained it. New studies leave out the prompts of
          flagged answers unless cleared here. Newest first, up to 200.
        </p>
        <LeakReviewList outputs={flagged} />
      </Card>
    </AppShell>
  );
}
