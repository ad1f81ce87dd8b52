// Seeded pseudo-random numbers so bootstrap intervals are reproducible per study.
// mulberry32 is tiny, fast and good enough for resampling (not for cryptography).

/** A generator of uniform floats in [0, 1). */
export type Rng = () => number;

/** mulberry32's state after one draw. */
export function mulberry32Next(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** mulberry32's 32-bit output for a state already advanced by mulberry32Next. */
export function mulberry32Bits(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger's public-domain generator). The same 32-bit seed
 * always yields the same stream, which keeps dashboard intervals stable across reloads.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = mulberry32Next(state);
    return mulberry32Bits(state) / 4294967296;
  };
}

/** A mulberry32 stream whose state is in the open (see mulberry32Stream). */
export interface Mulberry32Stream {
  state: number;
  /** Draws from `state`: the same numbers as mulberry32(seed). */
  rng: Rng;
}

/**
 * mulberry32 with its state in the open: a hot loop can copy `state` to a local, step it with
 * mulberry32Next / mulberry32Bits and write it back, drawing the very numbers `rng` would. A call
 * through the closure per draw costs several times more than the generator itself.
 */
export function mulberry32Stream(seed: number): Mulberry32Stream {
  const stream: Mulberry32Stream = {
    state: seed >>> 0,
    rng: () => {
      stream.state = mulberry32Next(stream.state);
      return mulberry32Bits(stream.state) / 4294967296;
    },
  };
  return stream;
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
