// A study's status as a coloured badge: draft (amber), open (green), closed (grey).
import { Badge } from "@/components/ui/badge";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

const TONE = { DRAFT: "amber", OPEN: "green", CLOSED: "muted" } as const;

export function StudyStatusBadge({ status }: { status: StudyStatus }) {
  return <Badge tone={TONE[status]}>{status.toLowerCase()}</Badge>;
}
