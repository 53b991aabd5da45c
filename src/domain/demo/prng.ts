/**
 * Helpers over the seeded generator (`src/domain/random.ts`), so the demo class is the same on
 * every device for the same seed. Never Math.random: tests compare whole outputs.
 */
import type { Rng } from '../random';

/** An integer in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Picks an index with probability proportional to its weight; -1 when all weights are 0. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= Math.max(0, weights[i] ?? 0);
    if (r < 0) return i;
  }
  // Floating-point leftovers land on the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
  return -1;
}

/** Roughly normal noise with mean 0 and the given spread (sum of three uniforms). */
export function noise(rng: Rng, spread: number): number {
  return (rng() + rng() + rng() - 1.5) * spread;
}

/** A UUID-v4-shaped id drawn from the generator (deterministic, unlike crypto.randomUUID). */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
