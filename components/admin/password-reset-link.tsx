// The users page's "Reset link": makes a single-use password reset link for one account and shows it
// once, to copy and hand over (the app sends no mail). A new link replaces the account's older ones.
"use client";

import { useState } from "react";
import { CopyLink } from "@/components/admin/copy-link";
import { Button } from "@/components/ui/button";

export type PasswordResetLinkProps = { userId: string; label: string };

export function PasswordResetLink({ userId, label }: PasswordResetLinkProps) {
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function make() {
    setPending(true);
    setError(null);
    const res = await fetch(`/api/users/${encodeURIComponent(userId)}/password-reset`, {
      method: "POST", headers: { "content-type": "application/json" }, body: "{}",
    });
    const body = (await res.json().catch(() => null)) as { link?: string; expiresAt?: string; error?: { message?: string } } | null;
    setPending(false);
    if (res.ok && body?.link && body.expiresAt) setLink({ path: body.link, expiresAt: body.expiresAt });
    else setError(body?.error?.message ?? "Could not make a reset link.");
  }

  return (
    // Its own row on phones only while a link or message shows, so the buttons stay side by side.
    <div className={link || error ? "min-w-0 basis-full sm:basis-auto" : "min-w-0"}>
      <Button variant="secondary" onClick={make} disabled={pending} aria-label={`Password reset link for ${label}`}>
        {link ? "New reset link" : "Reset link"}
      </Button>
      {link && (
        <div role="status" className="mt-2 max-w-md space-y-1 text-left text-xs text-slate-600">
          <CopyLink path={link.path} label={`Reset link for ${label}`} />
          <p>Works once, until {new Date(link.expiresAt).toLocaleString()}. Send it to {label} yourself; older links no longer work.</p>
        </div>
      )}
      {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
