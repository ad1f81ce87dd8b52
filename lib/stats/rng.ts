// Seeded pseudo-random numbers so bootstrap intervals are reproducible per study.
// mulberry32 is tiny, fast and good enough for resampling (not for cryptography).

/** A generator of uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger's public-domain generator). The same 32-bit seed
 * always yields the same stream, which keeps dashboard intervals stable across reloads.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 32-bit FNV-1a hash of the string's UTF-16 code units, used to turn a study id
 * into a seed. FNV-1a is specified byte-wise; for ASCII ids the two agree.
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Accepts either a numeric seed or a string (e.g. a study id) so callers need not hash ids themselves. */
export function resolveSeed(seed: number | string | undefined): number {
  return typeof seed === "string" ? seedFromString(seed) : (seed ?? 0) >>> 0;
}
