"use client";
// Each comparison's win rate (ties as half) with its 95% Wilson interval, against the 50% line.
import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComparisonJson } from "@/lib/results/types";

export function WinRateChart({ comparisons }: { comparisons: ComparisonJson[] }) {
  const data = comparisons
    .filter((c) => c.winRate.estimate !== null && c.winRate.wilson !== null)
    .map((c) => {
      const estimate = c.winRate.estimate as number;
      const { low, high } = c.winRate.wilson as { low: number; high: number };
      return { name: `${c.modelA} vs ${c.modelB}`, winRate: estimate * 100, error: [(estimate - low) * 100, (high - estimate) * 100] };
    });
  if (data.length === 0) return null;
  return (
    <figure aria-label="Win rate with 95% interval" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
          <ReferenceLine x={50} stroke="#334155" strokeDasharray="4 4" />
          <Bar dataKey="winRate" name="Win rate of A" fill="#818cf8" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={8} strokeWidth={2} stroke="#1e1b4b" direction="x" isAnimationActive={false} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
