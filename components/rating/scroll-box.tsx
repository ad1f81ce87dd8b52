// A box that scrolls sideways (code blocks, wide tables): focusable and labelled, so the keyboard can
// scroll it, with a fade at the edge that still hides content (touch screens show no scrollbar).
"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

export type ScrollBoxProps = { label: string; dark?: boolean; className?: string; children: ReactNode };

export function ScrollBox({ label, dark = false, className = "", children }: ScrollBoxProps) {
  const box = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState({ left: false, right: false });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setHidden((h) => (h.left === left && h.right === right ? h : { left, right }));
    };
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    resize?.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      resize?.disconnect();
    };
  }, []);

  const fade = dark ? "from-slate-900" : "from-white";
  return (
    <div className="relative my-3">
      <div
        ref={box}
        role="group"
        aria-label={hidden.left || hidden.right ? `${label}, scrolls sideways` : label}
        tabIndex={0}
        className={`overflow-x-auto [scrollbar-width:thin] ${dark ? "[scrollbar-color:#94a3b8_#1e293b]" : ""} ${className}`}
      >
        {children}
      </div>
      {hidden.left && <div aria-hidden="true" className={`pointer-events-none absolute inset-y-0 left-0 w-8 rounded-l-md bg-gradient-to-r ${fade}`} />}
      {hidden.right && (
        <div aria-hidden="true" className={`pointer-events-none absolute inset-y-0 right-0 flex w-12 items-center justify-end rounded-r-md bg-gradient-to-l ${fade} pr-1`}>
          <span className={`text-lg ${dark ? "text-slate-300" : "text-slate-500"}`}>›</span>
        </div>
      )}
    </div>
  );
}
