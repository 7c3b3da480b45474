/** A text cut at these offsets (taken modulo its length + 1, sorted, deduplicated), as a reader hands it over. */
export function cutPieces(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const ends = [...at, text.length];
  return [0, ...at].map((from, k) => text.slice(from, ends[k]));
}
