"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

export type CopyLinkProps = { path: string; label: string };

/** A link of this app, shown in full with a button that copies it. */
export function CopyLink({ path, label }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  // The server does not know the public origin: it renders the path, the browser the full URL.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code aria-label={label} className="rounded bg-slate-100 px-2 py-1 text-xs break-all">{url}</code>
      <Button variant="ghost" aria-label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true))}>
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
