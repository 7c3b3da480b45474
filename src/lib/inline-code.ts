export type InlinePart = { code: boolean; text: string };

/** Splits catalog prose on `backticks` into plain and code parts (the only markup catalog texts use). */
export function splitInlineCode(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ code: false, text: text.slice(last, at) });
    parts.push({ code: true, text: m[1] ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
