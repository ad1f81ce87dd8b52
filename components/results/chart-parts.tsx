// Pieces the results charts share: an HTML legend in a fixed order with readable text, and bar
// labels drawn above each bar, so a chart keeps its full width on a phone (no side gutter for names).
import type { Props as LabelProps } from "recharts/types/component/Label";

export type LegendItem = { name: string; color: string };

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Legend">
      {items.map((i) => (
        <li key={i.name} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: i.color }} />
          {i.name}
        </li>
      ))}
    </ul>
  );
}

/** A bar's category name, left-aligned just above the bar (for LabelList's `content`). */
export function labelAbove(p: LabelProps) {
  return (
    <text x={Number(p.x ?? 0)} y={Number(p.y ?? 0) - 6} fontSize={12} fill="#334155" stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {String(p.value ?? "")}
    </text>
  );
}

/** Chart height for n horizontal bars with a label above each. */
export const barsHeight = (n: number) => 48 + 64 * n;

// Readable on white: the leader's indigo, the other model's amber, ties slate-500 (4.8:1), both bad rose.
export const OUTCOME_COLORS = { first: "#4f46e5", second: "#d97706", ties: "#64748b", bothBad: "#e11d48" } as const;
