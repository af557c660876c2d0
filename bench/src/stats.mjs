// Small statistics helpers. The machines are noisy, so every figure we print is a median
// over several rounds, with the interquartile range to show how much the rounds disagreed.

/** @param {number[]} values */
export function median(values) {
  return quantile(values, 0.5);
}

/** @param {number[]} values @param {number} q between 0 and 1 */
export function quantile(values, q) {
  if (values.length === 0) throw new Error("quantile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Median plus the 25th and 75th percentiles of a list of samples. */
export function summarize(values) {
  return {
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    rounds: values.length,
  };
}

/**
 * The order in which candidates run in a given round: rotated every round so no candidate
 * always runs first (warm caches, CPU boost and GC debt then spread evenly).
 * @template T @param {T[]} candidates @param {number} round
 */
export function interleave(candidates, round) {
  const shift = round % candidates.length;
  return [...candidates.slice(shift), ...candidates.slice(0, shift)];
}

/**
 * One empty sample list per candidate id.
 * @param {{ id: string }[]} candidates
 * @returns {Record<string, number[]>}
 */
export function emptySamples(candidates) {
  return Object.fromEntries(candidates.map((candidate) => [candidate.id, []]));
}
