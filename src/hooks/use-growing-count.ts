import { useEffect, useState } from 'react';

/**
 * How many of `target` items to render now: `step` at once, then `step` more each animation frame until all are,
 * so that a long list (a summary's first hundred rows, "Show all 2,000 groups") is laid out a slice per frame,
 * never in one long task. A smaller target takes effect at once; growing again starts from it.
 */
export function useGrowingCount(target: number, step: number): number {
  const [shown, setShown] = useState(step);
  const floor = Math.max(Math.min(target, shown), step);
  if (shown > floor) setShown(floor);
  useEffect(() => {
    if (shown >= target) return undefined;
    const frame = requestAnimationFrame(() => setShown((n) => Math.min(target, n + step)));
    return () => cancelAnimationFrame(frame);
  }, [shown, target, step]);
  return Math.min(shown, target);
}
