/**
 * The one seeded random generator: the significance tests (the same seed gives the same p on
 * every device), the demo class, and the tests' and benchmarks' generated data. Never Math.random.
 */
export type Rng = () => number;

/** mulberry32: a small 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for one named test: the seed mixed with the test's key (FNV-1a), so each test draws
 * its own stream and adding a test never shifts the p of another.
 */
export function rngFor(seed: number, key: string): Rng {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mulberry32(h >>> 0);
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(a: Int32Array | Float64Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] ?? 0;
    a[i] = a[j] ?? 0;
    a[j] = t;
  }
}
