// Past uploads for the admin's upload page.
import "server-only";
import { db } from "@/lib/db";

export type UploadRow = {
  id: string; fileName: string; format: string; rowCount: number; promptsNew: number; promptsMatched: number;
  outputsAdded: number; outputsReplaced: number; createdAt: Date; uploadedBy: string | null;
};

export async function listUploads(): Promise<UploadRow[]> {
  const rows = await db.uploadBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, fileName: true, format: true, rowCount: true, promptsNew: true, promptsMatched: true,
      outputsAdded: true, outputsReplaced: true, createdAt: true, uploadedBy: { select: { email: true } },
    },
  });
  return rows.map(({ uploadedBy, ...r }) => ({ ...r, uploadedBy: uploadedBy?.email ?? null }));
}
