/** A range of releases: from `min` (included) up to `max` (excluded, or included when `maxIncluded`). */
export type VersionRange = { min?: string; max?: string; maxIncluded?: boolean };

/** The form a catalog entry's `releases` range takes: `>=0.3.0 <0.5.0`, `>=0.10.0`, `<=0.8.2`, `0.6.7`, `*`. */
export const RANGE_PATTERN = /^(?:\*|\d+\.\d+\.\d+|(?:>=\d+\.\d+\.\d+)?(?: ?(?:<|<=)\d+\.\d+\.\d+)?)$/;

const parts = (v: string): number[] => v.split('.').map((n) => Number(n) || 0);

/** Compares two dotted versions numerically (0.10.0 > 0.9.2). */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Parses a range of RANGE_PATTERN's form; null when it is not one. */
export function parseRange(text: string): VersionRange | null {
  const t = text.trim();
  if (t === '' || !RANGE_PATTERN.test(t)) return null;
  if (t === '*') return {};
  if (/^\d/.test(t)) return { min: t, max: t, maxIncluded: true };
  const range: VersionRange = {};
  const min = /^>=(\d+\.\d+\.\d+)/.exec(t)?.[1];
  if (min) range.min = min;
  const max = /(<=?)(\d+\.\d+\.\d+)$/.exec(t);
  if (max?.[2]) {
    range.max = max[2];
    range.maxIncluded = max[1] === '<=';
  }
  return range;
}

/** Is this version inside the range? */
export function inRange(version: string, range: VersionRange): boolean {
  if (range.min && compareVersions(version, range.min) < 0) return false;
  if (range.max) {
    const c = compareVersions(version, range.max);
    if (c > 0 || (c === 0 && !range.maxIncluded)) return false;
  }
  return true;
}
