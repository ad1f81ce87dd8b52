"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { UserRow } from "@/lib/data/user-admin";
import { createAccountSchema } from "@/lib/validation/auth";

export type UserManagerProps = { users: UserRow[]; selfId: string };

const input = "rounded-md border border-slate-300 px-3 py-2 text-sm";

export function UserManager({ users, selfId }: UserManagerProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

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

  async function remove(user: UserRow, mode: "keep-votes" | "remove-votes") {
    const what = mode === "keep-votes" ? "their votes stay, under the pseudonym only" : "their votes are deleted too";
    if (!window.confirm(`Delete ${user.email ?? user.pseudonym}? Email and password are erased; ${what}.`)) return;
    const res = await fetch(`/api/users/${user.id}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode }) });
    setMessage(res.ok ? `Deleted ${user.email ?? user.pseudonym}.` : "Could not delete the account.");
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
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500"><tr><th className="py-1 font-medium">Email</th><th className="font-medium">Role</th><th className="font-medium">Pseudonym</th><th className="font-medium">Votes</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="py-2">{u.email ?? "(crowd rater)"}</td><td>{u.role.toLowerCase()}</td><td className="font-mono text-xs">{u.pseudonym}</td>
              <td className="tabular-nums">{u.votes}</td>
              <td className="text-right">
                {u.id !== selfId && (
                  <>
                    <Button variant="ghost" onClick={() => remove(u, "keep-votes")} aria-label={`Delete ${u.email ?? u.pseudonym}, keep votes`}>Delete (keep votes)</Button>
                    {u.votes > 0 && <Button variant="ghost" onClick={() => remove(u, "remove-votes")} aria-label={`Delete ${u.email ?? u.pseudonym} and votes`}>Delete with votes</Button>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
