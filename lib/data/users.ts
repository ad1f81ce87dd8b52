// Users: creation (with a stable pseudonym) and the look-ups sign-in and guards need.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = { id: string; email: string | null; name: string | null; role: Role; pseudonym: string };

const sessionUserFields = { id: true, email: true, name: true, role: true, pseudonym: true } as const;

export function newPseudonym(): string {
  return `r_${randomBytes(5).toString("hex")}`;
}

export async function findUserForSignIn(email: string) {
  return db.user.findFirst({
    where: { email, deletedAt: null },
    select: { ...sessionUserFields, passwordHash: true },
  });
}

export async function findActiveUser(id: string): Promise<SessionUser | null> {
  return db.user.findFirst({ where: { id, deletedAt: null }, select: sessionUserFields });
}

type NewUser = { email: string; password: string; role: Role; name?: string };

export async function createUser(input: NewUser): Promise<SessionUser> {
  return db.user.create({
    data: {
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      pseudonym: newPseudonym(),
    },
    select: sessionUserFields,
  });
}
