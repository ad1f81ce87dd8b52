"use client";
// Keeps the dashboard's results fresh: refetches when the query changes (excluded raters, prompt
// filters) and polls every 10 s while the study is open, without reloading the page.
import { useEffect, useRef, useState } from "react";
import type { ResultsResponse } from "@/lib/results/types";

export const POLL_MS = 10_000;

export type PromptQuery = { page: number; outcome: string; winner: string; category: string; model: string; q: string };

export function resultsUrl(studyId: string, exclude: readonly string[], prompts: PromptQuery): string {
  const params = new URLSearchParams();
  if (exclude.length) params.set("exclude", exclude.join(","));
  params.set("page", String(prompts.page));
  for (const key of ["outcome", "winner", "category", "model", "q"] as const) if (prompts[key]) params.set(key, prompts[key]);
  return `/api/studies/${encodeURIComponent(studyId)}/results?${params}`;
}

export function useResults(initial: ResultsResponse, url: string, poll: boolean) {
  const [results, setResults] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // The server rendered the first view: skip fetching it again on mount.
  const mounted = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const controller = new AbortController();
    const load = async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, cache: "no-store" });
        if (!response.ok) throw new Error(`The results could not be refreshed (HTTP ${response.status}).`);
        const next = (await response.json()) as ResultsResponse;
        if (!cancelled) {
          setResults(next);
          setError(null);
        }
      } catch (e) {
        if (!cancelled && (e as Error).name !== "AbortError") setError((e as Error).message);
      }
    };
    if (mounted.current) void load();
    mounted.current = true;
    const timer = poll
      ? window.setInterval(() => {
          if (!document.hidden) void load();
        }, POLL_MS)
      : undefined;
    return () => {
      cancelled = true;
      controller.abort();
      window.clearInterval(timer);
    };
  }, [url, poll, tick]);

  return { results, error, reload: () => setTick((t) => t + 1) };
}
