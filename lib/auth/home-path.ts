import type { Role } from "@/lib/generated/prisma/enums";

const HOME: Record<Role, string> = { ADMIN: "/admin", RESEARCHER: "/studies", RATER: "/rate" };

export function homePathFor(role: Role): string {
  return HOME[role];
}
