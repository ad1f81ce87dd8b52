"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

// next-auth's sign-out, as its client does it (a CSRF token, then a form POST that ends the session on
// the server), without loading next-auth's client library on every page.
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
}

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // Wherever sign-out ends (even a network error), the sign-in page shows what holds now.
        signOut().finally(() => {
          router.replace("/login");
          router.refresh();
        });
      }}
    >
      Sign out
    </Button>
  );
}
