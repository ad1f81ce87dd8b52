"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { PasswordResetLink } from "@/components/admin/password-reset-link";
import { Button } from "@/components/ui/button";
import type { UserRow } from "@/lib/admin/types";
import { createAccountSchema } from "@/lib/validation/auth";

type DeleteMode = "keep-votes" | "remove-votes";
const label = (u: UserRow) => u.email ?? u.pseudonym;

export type UserManagerProps = { users: UserRow[]; selfId: string };

const input = "rounded-md border border-slate-300 px-3 py-2 text-sm";

export function UserManager({ users, selfId }: UserManagerProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ user: UserRow; mode: DeleteMode } | null>(null);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const parsed = createAccountSchema.safeParse({ email: f.get("email"), password: f.get("password"), role: f.get("role") });
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? "Invalid input");
    const res = await fetch("/api/users", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = (await res.json()) as { error?: { message: string } };
    setMessage(res.ok ? `Created ${parsed.data.email}.` : (body.error?.message ?? "Could not create the account."));
    if (res.ok) form.reset();
    router.refresh();
  }

  async function remove(user: UserRow, mode: DeleteMode) {
    setAsking(null);
    const res = await fetch(`/api/users/${user.id}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode }) });
    setMessage(res.ok ? `Deleted ${label(user)}.` : "Could not delete the account.");
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3" noValidate>
        <div><label htmlFor="new-email" className="mb-1 block text-sm font-medium">Email</label><input id="new-email" name="email" type="email" className={input} /></div>
        <div><label htmlFor="new-password" className="mb-1 block text-sm font-medium">Password (10+ characters)</label><input id="new-password" name="password" type="password" autoComplete="new-password" className={input} /></div>
        <div>
          <label htmlFor="new-role" className="mb-1 block text-sm font-medium">Role</label>
          <select id="new-role" name="role" className={input} defaultValue="RESEARCHER">
            <option value="RESEARCHER">Researcher</option><option value="RATER">Rater</option><option value="ADMIN">Admin</option>
          </select>
        </div>
        <Button type="submit">Create account</Button>
      </form>
      {message && <p role="status" className="text-sm text-slate-700">{message}</p>}
      <UserList users={users} selfId={selfId} onDelete={(user, mode) => setAsking({ user, mode })} />
      <ConfirmDialog open={asking !== null} destructive title={asking ? `Delete ${label(asking.user)}?` : "Delete account?"}
        confirmLabel={asking?.mode === "remove-votes" ? "Delete account and votes" : "Delete account"}
        onConfirm={() => asking && remove(asking.user, asking.mode)} onCancel={() => setAsking(null)}>
        <p>Their email and password are erased and they are signed out everywhere. This cannot be undone.</p>
        <p>{asking?.mode === "remove-votes"
          ? `Their ${asking.user.votes} ${asking.user.votes === 1 ? "vote is" : "votes are"} deleted too, and the results change.`
          : "Their votes stay, under the pseudonym only."}</p>
      </ConfirmDialog>
    </div>
  );
}

type UserListProps = { users: UserRow[]; selfId: string; onDelete: (user: UserRow, mode: DeleteMode) => void };

// A table from 640 px up; below that one card per account, so the delete buttons stay on screen.
function UserList({ users, selfId, onDelete }: UserListProps) {
  // Crowd raters (no email) have no password, so no reset link.
  const actions = (u: UserRow) => (
    <div className="flex flex-wrap gap-2 sm:justify-end">
      {u.email && <PasswordResetLink userId={u.id} label={label(u)} />}
      {u.id !== selfId && <>
        <Button variant="secondary" onClick={() => onDelete(u, "keep-votes")} aria-label={`Delete ${label(u)}, keep votes`}>Delete (keep votes)</Button>
        {u.votes > 0 && <Button variant="secondary" onClick={() => onDelete(u, "remove-votes")} aria-label={`Delete ${label(u)} and votes`}>Delete with votes</Button>}
      </>}
    </div>
  );
  return (
    <>
      <ul aria-label="Accounts" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
        {users.map((u) => (
          <li key={u.id} className="space-y-2 p-3 text-sm">
            <p className="font-medium break-all">{u.email ?? "(crowd rater)"}</p>
            <p className="text-slate-600">{u.role.toLowerCase()} · <span className="font-mono text-xs">{u.pseudonym}</span> · {u.votes} votes</p>
            {actions(u)}
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm sm:table">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Email</th><th scope="col" className="font-medium">Role</th>
            <th scope="col" className="font-medium">Pseudonym</th><th scope="col" className="font-medium">Votes</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="py-2 pr-3 break-all">{u.email ?? "(crowd rater)"}</td><td className="pr-3">{u.role.toLowerCase()}</td>
              <td className="pr-3 font-mono text-xs">{u.pseudonym}</td><td className="pr-3 tabular-nums">{u.votes}</td>
              <td className="py-2">{actions(u)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
