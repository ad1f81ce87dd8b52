// Size and shape limits for uploads, passed in as options so deployments and tests can tune them.
// Defaults are sized so a 52,000-row Alpaca-style file (~50 MB) fits with room to spare.

export type Limits = {
  /** Largest accepted upload, in bytes (before decoding). */
  maxBytes: number;
  /** Most data rows (records) in one file. */
  maxRows: number;
  /** Longest text field, in UTF-16 code units (what JavaScript's `length` counts). */
  maxFieldChars: number;
  /** Deepest JSON nesting; real rows need 3 (array, object, instances array/object). */
  maxDepth: number;
  /** How many row errors to report; the rest are only counted. */
  maxErrors: number;
};

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxRows: 100_000,
  maxFieldChars: 100_000,
  maxDepth: 8,
  maxErrors: 20,
});

/**
 * Fills in defaults. Throws on nonsense (0, negative, NaN) because that is a programming
 * error in the caller, not a problem with the uploaded file.
 */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`limit ${key} must be a positive integer, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** "52,428,800 bytes (50.0 MB)": exact for support questions, rounded for humans. */
export function describeBytes(bytes: number): string {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `${bytes.toLocaleString("en-US")} bytes (${mb} MB)`;
}
