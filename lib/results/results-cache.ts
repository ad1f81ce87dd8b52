// Figures of large studies, kept per server process and stored in the database. Computing them
// reads every vote (rater statistics and agreement): half a second at a million votes. Only results
// worth it are kept (by default those that took CACHE_ABOVE_MS; the app says which), so small
// studies are always live. A kept result is served as is for FRESH_MS; after that, if the study's
// version (see studyFiguresVersion) is unchanged the figures are still exact and stay; if it changed
// they are served once more while recomputed in the background (never older than STALE_MS). The
// store shares the last figures with other app instances and with a restarted one, which would
// otherwise start cold. `generatedAt` in the results says when they were computed.
import "server-only";
import { onStudyChange } from "@/lib/data/study-changes";

const CACHE_ABOVE_MS = 250;
const FRESH_MS = 15_000;
const STALE_MS = 10 * 60_000;
const MAX_ENTRIES = 32;

type Entry<T> = { studyId: string; at: number; value: Promise<T>; refreshing: boolean; version: string | null };

/** Where figures outlive the process; every call may fail without harm (the cache then computes). */
export type FiguresStore<T> = {
  load(studyId: string, key: string): Promise<{ value: T; at: number; version: string | null } | null>;
  save(studyId: string, key: string, value: T, at: number, tookMs: number, version: string | null): Promise<void>;
  forget(studyId: string | null): Promise<void>;
};

export type ResultsCacheOptions<T> = {
  now?: () => number;
  cacheAboveMs?: number;
  freshMs?: number;
  staleMs?: number;
  store?: FiguresStore<T>;
  /** Whether a result is worth keeping; by default, when it took at least cacheAboveMs to compute. */
  keep?: (value: T, tookMs: number) => boolean;
  /** A cheap fingerprint of everything the value depends on; equal means the kept value is still exact. */
  version?: (studyId: string) => Promise<string | null>;
};

export class ResultsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  // Concurrent first requests share one computation.
  private readonly inflight = new Map<string, Promise<T | null>>();
  // Keys recently computed cheaply: no point asking the store for them.
  private readonly cheap = new Map<string, number>();
  private readonly now: () => number;
  private readonly cacheAboveMs: number;
  private readonly freshMs: number;
  private readonly staleMs: number;
  private readonly store: FiguresStore<T> | undefined;
  private readonly keep: (value: T, tookMs: number) => boolean;
  private readonly version: ((studyId: string) => Promise<string | null>) | undefined;

  constructor(options: ResultsCacheOptions<T> = {}) {
    this.now = options.now ?? Date.now;
    this.cacheAboveMs = options.cacheAboveMs ?? CACHE_ABOVE_MS;
    this.freshMs = options.freshMs ?? FRESH_MS;
    this.staleMs = options.staleMs ?? STALE_MS;
    this.store = options.store;
    const cacheAboveMs = this.cacheAboveMs;
    this.keep = options.keep ?? ((_value, tookMs) => tookMs >= cacheAboveMs);
    this.version = options.version;
  }

  /** The value for key (of studyId), computing it when there is nothing usable; null values are never kept. */
  async get(studyId: string, key: string, compute: () => Promise<T | null>): Promise<T | null> {
    const entry = this.entries.get(key) ?? (await this.fromStore(studyId, key));
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < this.freshMs) return entry.value;
    if (entry && (await this.unchanged(studyId, entry))) {
      entry.at = this.now();
      return entry.value;
    }
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
    this.store?.forget(studyId).catch(() => {});
  }

  /** Keeps this cache in step with lib/data's change announcements. */
  listen(): this {
    onStudyChange((studyId) => this.forget(studyId));
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  private async unchanged(studyId: string, entry: Entry<T>): Promise<boolean> {
    if (!this.version || entry.version === null) return false;
    const current = await this.version(studyId).catch(() => null);
    return current !== null && current === entry.version;
  }

  private async fromStore(studyId: string, key: string): Promise<Entry<T> | undefined> {
    if (!this.store) return undefined;
    const cheapAt = this.cheap.get(key);
    if (cheapAt !== undefined && this.now() - cheapAt < this.staleMs) return undefined;
    const stored = await this.store.load(studyId, key).catch(() => null);
    if (!stored) return undefined;
    const entry = { studyId, at: stored.at, value: Promise.resolve(stored.value), refreshing: false, version: stored.version };
    this.remember(key, entry);
    return entry;
  }

  private remember(key: string, entry: Entry<T>) {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  private async run(studyId: string, key: string, compute: () => Promise<T | null>): Promise<T | null> {
    const started = this.now();
    // Read before computing: a vote that lands meanwhile makes the next check recompute, never the reverse.
    const version = this.version ? await this.version(studyId).catch(() => null) : null;
    const value = await compute();
    const took = this.now() - started;
    if (value === null || !this.keep(value, took)) {
      this.entries.delete(key);
      if (value !== null) {
        if (this.cheap.size >= 1_000) this.cheap.delete(this.cheap.keys().next().value!);
        this.cheap.set(key, started);
      }
      return value;
    }
    this.cheap.delete(key);
    this.remember(key, { studyId, at: started, value: Promise.resolve(value), refreshing: false, version });
    this.store?.save(studyId, key, value, started, took, version).catch(() => {});
    return value;
  }
}
