// The header's links on narrow screens (below 640 px, where the inline links are hidden): a menu
// button that shows them as a list. Escape or following a link closes it.
"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export type MobileNavProps = { items: { href: string; label: string }[] };

export function MobileNav({ items }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Closed again once the page changes (a link was followed).
  const shown = open && openedAt === pathname;

  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown]);

  return (
    <div className="sm:hidden">
      <button ref={button} type="button" aria-expanded={shown} aria-controls={`${id}-menu`}
        onClick={() => { setOpen(!shown); setOpenedAt(pathname); }}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        Menu
      </button>
      {shown && (
        <ul id={`${id}-menu`} className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-4 py-2 shadow-md">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} onClick={() => setOpen(false)} aria-current={pathname === item.href ? "page" : undefined}
                className="block rounded-md px-2 py-3 text-base text-slate-800 hover:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
