"use client";
// Stacked bar of vote outcomes per model pair (A wins, B wins, ties, both bad).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComparisonJson } from "@/lib/results/types";

export function OutcomeChart({ comparisons }: { comparisons: ComparisonJson[] }) {
  const data = comparisons.map((c) => ({
    name: `${c.modelA} vs ${c.modelB}`,
    "A wins": c.tally.winsA,
    "B wins": c.tally.winsB,
    Ties: c.tally.ties,
    "Both bad": c.tally.bothBad,
  }));
  return (
    <figure aria-label="Outcomes per model pair" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="A wins" stackId="v" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="B wins" stackId="v" fill="#f59e0b" isAnimationActive={false} />
          <Bar dataKey="Ties" stackId="v" fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="Both bad" stackId="v" fill="#e11d48" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
