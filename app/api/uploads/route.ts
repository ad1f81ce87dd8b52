import { apiUser, Role } from "@/lib/auth/guards";
import { runUpload } from "@/lib/data/run-upload";
import { listUploads } from "@/lib/data/upload-list";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { uploadFormSchema } from "@/lib/validation/upload";
import { readFormCapped } from "@/lib/http/read-body";
import { issueList } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  return Response.json({ uploads: await listUploads() });
});

// multipart/form-data: `file` plus the fields of uploadFormSchema.
export const POST = route(async (request: Request) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  // The body is cut off at the limit while it is read (plus room for the multipart framing and
  // form fields); the parser re-checks the file's own size.
  const { form, error } = await readFormCapped(request, env().UPLOAD_MAX_BYTES + 64 * 1024);
  if (error) return error;
  const file = form.get("file");
  if (!(file instanceof File)) return apiError(422, "invalid_upload", "Choose a file to upload.");
  const fields = uploadFormSchema.safeParse(Object.fromEntries([...form.entries()].filter(([k]) => k !== "file")));
  if (!fields.success) return apiError(422, "invalid_body", fields.error.issues[0]?.message ?? "Some fields are not valid.", issueList(fields.error));
  const outcome = await runUpload(new Uint8Array(await file.arrayBuffer()), file.name, fields.data, auth.user.id);
  if (!outcome.ok) return apiError(422, "invalid_upload", outcome.errors[0] ?? "The file was not imported.", outcome.errors);
  return Response.json(outcome, { status: outcome.status === "imported" ? 201 : 200 });
}, ["multipart/form-data"]);
