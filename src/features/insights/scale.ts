/** Arithmetic of the hand-written SVG charts (pure, no DOM). */

/** The smallest "round" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for nothing. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Tolerate floating-point noise (0.30000000000000004 is 0.3).
    if (candidate >= value * (1 - 1e-9)) return candidate;
  }
  return 10 * power;
}

/** Maps 0..max onto 0..length, clamped (a value above the axis ends at the axis). */
export function scaleLinear(max: number, length: number): (value: number) => number {
  const m = max > 0 ? max : 1;
  return (value) => Math.max(0, Math.min(length, (value / m) * length));
}

/** Evenly spaced tick values from 0 to max inclusive (`count` intervals). */
export function ticks(max: number, count = 4): number[] {
  const n = Math.max(1, Math.round(count));
  return Array.from({ length: n + 1 }, (_, i) => (max * i) / n);
}

/** Shortens a label to `max` characters, ending in "…" when cut. */
export function truncateLabel(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * A pupil's rate as a multiple of the class mean, rounded to the one decimal the seat prints
 * ("1,3×"); null without a rate or a mean. The colour (heatLevel) is read from this rounded
 * value, so a seat printed "1,5×" is never coloured as "more than 1,5×".
 */
export function seatRatio(rate: number | null, mean: number | null): number | null {
  if (rate === null || mean === null || mean <= 0) return null;
  return Math.round((rate / mean) * 10) / 10;
}

/**
 * Heat level 0–4 of a pupil's rate against the class mean, read from the ratio as printed (one
 * decimal): 0 none at all, 1 under 0,5×, 2 from 0,5× to 1,5×, 3 up to 2,5×, 4 more. The seat
 * also shows the ratio and the count, so the level is never the only signal.
 */
export function heatLevel(rate: number | null, mean: number | null): 0 | 1 | 2 | 3 | 4 {
  if (rate === null || rate <= 0) return 0;
  const r = seatRatio(rate, mean);
  if (r === null) return 2;
  if (r < 0.5) return 1;
  if (r <= 1.5) return 2;
  if (r <= 2.5) return 3;
  return 4;
}

/** Axis maximum of an equity-ratio chart: at least 2 (so 1.0 sits mid-way), at most `cap`. */
export function ratioAxisMax(ratios: readonly (number | null)[], cap = 4): number {
  let max = 2;
  for (const r of ratios) if (r !== null && Number.isFinite(r) && r > max) max = r;
  return Math.min(cap, niceCeil(max));
}

/** Points of a polyline (`x,y x,y …`), skipping nothing: callers leave out missing values. */
export function polylinePoints(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ');
}

/** One decimal is enough for SVG coordinates and keeps the markup small. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
