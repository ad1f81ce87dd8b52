import type { HTMLAttributes } from "react";

// A tone, not a colour class passed in: two background utilities on one element resolve by their order in
// the stylesheet (slate after amber, green and sky), so a colour given on top of the default never showed.
const TONES = {
  neutral: "bg-slate-100 text-slate-700",
  muted: "bg-slate-200 text-slate-800",
  amber: "bg-amber-100 text-amber-900",
  green: "bg-green-100 text-green-800",
  sky: "bg-sky-100 text-sky-900",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", className = "", ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]} ${className}`} {...props} />;
}
