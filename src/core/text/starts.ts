/**
 * Bisection over ascending start offsets (of pieces, of lines): the index of the last start at or before `at`
 * (0 when `at` comes before them all). `count` bounds the starts looked at (a growing index, say).
 */
export function startAtOrBefore(starts: ArrayLike<number>, at: number, count: number = starts.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
