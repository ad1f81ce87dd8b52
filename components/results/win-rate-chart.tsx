"use client";
// Each comparison's win rate of its first-named model (the leader; ties as half) with its 95% Wilson
// interval, against the 50% line. Names above the bars, so the axis keeps the chart's full width.
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComparisonJson } from "@/lib/results/types";
import { barsHeight, labelAbove, OUTCOME_COLORS } from "./chart-parts";

export function WinRateChart({ comparisons }: { comparisons: ComparisonJson[] }) {
  const data = comparisons
    .filter((c) => c.winRate.estimate !== null && c.winRate.wilson !== null)
    .map((c) => {
      const estimate = c.winRate.estimate as number;
      const { low, high } = c.winRate.wilson as { low: number; high: number };
      return { name: `${c.modelA} against ${c.modelB}`, winRate: estimate * 100, error: [(estimate - low) * 100, (high - estimate) * 100] };
    });
  if (data.length === 0) return null;
  return (
    <figure aria-label="Win rate with 95% interval" className="w-full">
      <figcaption className="mb-2 text-sm text-slate-700">Win rate of the first-named model, with its 95% Wilson interval; dashed: 50%.</figcaption>
      <div style={{ height: barsHeight(data.length) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 16, left: 0, right: 16, bottom: 0 }} barCategoryGap="40%">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
            <YAxis type="category" dataKey="name" hide />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
            <ReferenceLine x={50} stroke="#334155" strokeDasharray="4 4" />
            <Bar dataKey="winRate" name="Win rate" fill={OUTCOME_COLORS.first} fillOpacity={0.7} isAnimationActive={false}>
              <LabelList dataKey="name" content={labelAbove} />
              <ErrorBar dataKey="error" width={8} strokeWidth={2} stroke="#1e1b4b" direction="x" isAnimationActive={false} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
