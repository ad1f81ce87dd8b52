import type { HTMLAttributes } from "react";

/** `padding`: its own prop, since a padding class added in `className` would lose to p-6 in the stylesheet's order. */
export function Card({ className = "", padding = "p-6", ...props }: HTMLAttributes<HTMLDivElement> & { padding?: string }) {
  return <div className={`rounded-lg border border-slate-200 bg-white shadow-sm ${padding} ${className}`} {...props} />;
}
