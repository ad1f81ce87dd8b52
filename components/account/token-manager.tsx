"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApiTokenRow } from "@/lib/admin/types";
import { createApiTokenSchema, DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS } from "@/lib/validation/api-token";

export type TokenManagerProps = { tokens: ApiTokenRow[] };

const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "—");
const lifetimeLabel = (days: number) => (days === 365 ? "1 year" : `${days} days`);

type Created = { token: string; expiresAt: string };

export function TokenManager({ tokens }: TokenManagerProps) {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createApiTokenSchema.safeParse({ name: form.get("name"), expiresInDays: Number(form.get("expiresInDays")) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid token");
    const res = await fetch("/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = (await res.json()) as Partial<Created> & { error?: { message: string } };
    if (!res.ok || !body.token || !body.expiresAt) return setError(body.error?.message ?? "Could not create the token.");
    setError(null);
    setCreated({ token: body.token, expiresAt: body.expiresAt });
    router.refresh();
  }

  async function revoke(id: string) {
    await fetch(`/api/tokens/${id}`, { method: "DELETE" });
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="token-name" className="mb-1 block text-sm font-medium">Token name</label>
          <input id="token-name" name="name" placeholder="e.g. nightly export" className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="token-lifetime" className="mb-1 block text-sm font-medium">Expires after</label>
          <select id="token-lifetime" name="expiresInDays" defaultValue={DEFAULT_TOKEN_LIFETIME_DAYS} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            {TOKEN_LIFETIME_DAYS.map((days) => <option key={days} value={days}>{lifetimeLabel(days)}</option>)}
          </select>
        </div>
        <Button type="submit">Create token</Button>
      </form>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {created && (
        <div role="status" className="rounded-md bg-green-50 p-3 text-sm">
          <p className="font-medium">Copy this token now; it is not shown again.</p>
          <code aria-label="New API token" className="mt-1 block break-all">{created.token}</code>
          <p className="mt-1 text-slate-600">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code>. It expires on {day(created.expiresAt)}.
          </p>
        </div>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500"><tr><th className="py-1 font-medium">Name</th><th className="font-medium">Created</th><th className="font-medium">Expires</th><th className="font-medium">Last used</th><th className="font-medium">State</th><th /></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-100">
              <td className="py-2">{t.name}</td><td>{day(t.createdAt)}</td><td>{day(t.expiresAt)}</td><td>{day(t.lastUsedAt)}</td>
              <td className={t.state === "active" ? undefined : "text-slate-500"}>{t.state}</td>
              <td className="text-right">{t.state === "active" && <Button variant="ghost" onClick={() => revoke(t.id)} aria-label={`Revoke ${t.name}`}>Revoke</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
