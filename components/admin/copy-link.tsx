"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

export type CopyLinkProps = { path: string; label: string };

/** A link of this app, shown in full with a button that copies it. */
export function CopyLink({ path, label }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  // The server does not know the public origin: it renders the path, the browser the full URL.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code id={id} aria-label={label} className="rounded bg-slate-100 px-2 py-1 text-xs break-all">{url}</code>
      {/* Named "Copy" only, so that the label finds the link alone; described by the link it copies. */}
      <Button variant="ghost" aria-describedby={id} onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true))}>
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
