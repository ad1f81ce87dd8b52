// Figures of large studies, kept in memory for a short while per server process.
// Computing them reads every vote (rater statistics and agreement): about a second at a million
// votes. A computation that took under CACHE_ABOVE_MS is never kept, so small studies are always
// live; a slower one is served as is for FRESH_MS, then served once more while it is recomputed in
// the background (never older than STALE_MS). `generatedAt` in the results says how old they are.
import "server-only";
import { onStudyChange } from "@/lib/data/study-changes";

const CACHE_ABOVE_MS = 250;
const FRESH_MS = 15_000;
const STALE_MS = 10 * 60_000;
const MAX_ENTRIES = 32;

type Entry<T> = { studyId: string; at: number; value: Promise<T>; refreshing: boolean };

export type ResultsCacheOptions = { now?: () => number; cacheAboveMs?: number; freshMs?: number; staleMs?: number };

export class ResultsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  // Concurrent first requests share one computation.
  private readonly inflight = new Map<string, Promise<T | null>>();
  private readonly now: () => number;
  private readonly cacheAboveMs: number;
  private readonly freshMs: number;
  private readonly staleMs: number;

  constructor(options: ResultsCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.cacheAboveMs = options.cacheAboveMs ?? CACHE_ABOVE_MS;
    this.freshMs = options.freshMs ?? FRESH_MS;
    this.staleMs = options.staleMs ?? STALE_MS;
  }

  /** The value for key (of studyId), computing it when there is nothing usable; null values are never kept. */
  async get(studyId: string, key: string, compute: () => Promise<T | null>): Promise<T | null> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < this.freshMs) return entry.value;
    if (entry && age < this.staleMs) {
      if (!entry.refreshing) {
        entry.refreshing = true;
        // A failed refresh leaves the old figures in place; the next request after FRESH_MS tries again.
        this.run(studyId, key, compute).catch(() => {
          entry.refreshing = false;
        });
      }
      return entry.value;
    }
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const run = this.run(studyId, key, compute).finally(() => this.inflight.delete(key));
    this.inflight.set(key, run);
    return run;
  }

  forget(studyId: string | null): void {
    for (const [key, entry] of this.entries) if (studyId === null || entry.studyId === studyId) this.entries.delete(key);
  }

  /** Keeps this cache in step with lib/data's change announcements. */
  listen(): this {
    onStudyChange((studyId) => this.forget(studyId));
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  private async run(studyId: string, key: string, compute: () => Promise<T | null>): Promise<T | null> {
    const started = this.now();
    const value = await compute();
    const took = this.now() - started;
    if (value === null || took < this.cacheAboveMs) {
      this.entries.delete(key);
      return value;
    }
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { studyId, at: started, value: Promise.resolve(value), refreshing: false });
    return value;
  }
}
