"use client";
// Votes per hour or per day, for watching a running study fill up.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverTimeJson } from "@/lib/results/types";

function label(start: string, bucket: OverTimeJson["bucket"]): string {
  return bucket === "day" ? start.slice(0, 10) : `${start.slice(5, 10)} ${start.slice(11, 16)}`;
}

export function OverTimeChart({ overTime }: { overTime: OverTimeJson }) {
  if (overTime.points.length === 0) return <p className="text-sm text-slate-600">No votes yet.</p>;
  const data = overTime.points.map((p) => ({ when: label(p.start, overTime.bucket), votes: p.votes }));
  return (
    <figure aria-label={`Votes per ${overTime.bucket} (UTC)`} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="when" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={36} />
          <Tooltip />
          <Bar dataKey="votes" name="Votes" fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
