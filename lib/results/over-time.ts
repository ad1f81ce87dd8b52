// Votes per hour, folded into days when the study spans more than three days, for the timeline chart.
import type { HourBucketRow } from "./inputs";
import type { OverTimeJson } from "./types";

const HOURLY_SPAN_MS = 72 * 3_600_000;

export function overTimeJson(hours: readonly HourBucketRow[]): OverTimeJson {
  const first = hours[0];
  const last = hours[hours.length - 1];
  if (!first || !last || last.hour.getTime() - first.hour.getTime() <= HOURLY_SPAN_MS) {
    return { bucket: "hour", points: hours.map((h) => ({ start: h.hour.toISOString(), votes: h.votes })) };
  }
  const days = new Map<string, number>();
  for (const h of hours) {
    const day = `${h.hour.toISOString().slice(0, 10)}T00:00:00.000Z`;
    days.set(day, (days.get(day) ?? 0) + h.votes);
  }
  return { bucket: "day", points: [...days.entries()].map(([start, votes]) => ({ start, votes })) };
}
