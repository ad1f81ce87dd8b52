"use client";
// Stacked bar of vote outcomes per model pair: the first-named model's wins, ties, both bad, then the
// other model's wins, in that order in the bar and the legend, with the models' names in the legend.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ComparisonJson } from "@/lib/results/types";
import { barsHeight, ChartLegend, labelAbove, OUTCOME_COLORS } from "./chart-parts";

export function OutcomeChart({ comparisons }: { comparisons: ComparisonJson[] }) {
  // One comparison: its models by name. Several: each bar is named, the legend says which is which.
  const single = comparisons.length === 1 ? comparisons[0]! : null;
  const first = single ? `${single.modelA} wins` : "First-named model wins";
  const second = single ? `${single.modelB} wins` : "Second-named model wins";
  const data = comparisons.map((c) => ({
    name: `${c.modelA} vs ${c.modelB}`,
    first: c.tally.winsA,
    ties: c.tally.ties,
    bothBad: c.tally.bothBad,
    second: c.tally.winsB,
  }));
  const series = [
    { key: "first", name: first, color: OUTCOME_COLORS.first },
    { key: "ties", name: "Ties", color: OUTCOME_COLORS.ties },
    { key: "bothBad", name: "Both bad", color: OUTCOME_COLORS.bothBad },
    { key: "second", name: second, color: OUTCOME_COLORS.second },
  ];
  return (
    <figure aria-label="Outcomes per model pair" className="w-full">
      <ChartLegend items={series} />
      <div style={{ height: barsHeight(data.length) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 16, left: 0, right: 8, bottom: 0 }} barCategoryGap="40%">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" hide />
            <Tooltip />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="v" fill={s.color} isAnimationActive={false}>
                {i === 0 && <LabelList dataKey="name" content={labelAbove} />}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
