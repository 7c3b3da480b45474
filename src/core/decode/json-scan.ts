/** Largest JSON object the scanner will try to read in one piece. */
const MAX_OBJECT = 4 * 1024 * 1024;

/**
 * Finds the end (exclusive) of the balanced `{…}` starting at `start`, honouring JSON strings and the
 * single-quoted strings of a Python dict repr. Returns -1 when it is not balanced.
 */
export function balancedEnd(text: string, start: number): number {
  // An object starts with a key or is empty: `{` followed by code (`{ code: '02'`, `() {`) is not JSON.
  let k = start + 1;
  while (k < text.length && /\s/.test(text[k] ?? '')) k++;
  const next = text[k];
  if (next !== '"' && next !== "'" && next !== '}') return -1;
  let depth = 0;
  let quote = '';
  const limit = Math.min(text.length, start + MAX_OBJECT);
  for (let i = start; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92 /* \ */) i++;
      else if (ch === quote.charCodeAt(0)) quote = '';
      else if (ch === 10 && quote === "'") return -1; // a repr string never spans lines
      continue;
    }
    if (ch === 34 /* " */) quote = '"';
    else if (ch === 39 /* ' */) quote = "'";
    else if (ch === 123 /* { */ || ch === 91 /* [ */) depth++;
    else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/** JSON.parse that never throws; also reads Python dict reprs (`{'kind': 'task.get', …}`). */
export function parseJsonish(slice: string): unknown {
  try {
    return JSON.parse(slice);
  } catch {
    if (!slice.includes("'")) return undefined;
    try {
      return JSON.parse(pythonReprToJson(slice));
    } catch {
      return undefined;
    }
  }
}

/** Rewrites a Python literal (single-quoted strings, True/False/None) as JSON. */
export function pythonReprToJson(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (ch === "'" || ch === '"') {
      const q = ch;
      let s = '';
      i++;
      for (; i < src.length && src[i] !== q; i++) {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[i + 1] ?? '';
          s += n === "'" ? "'" : `\\${n}`;
          i++;
        } else if (src[i] === '"') s += '\\"';
        else s += src[i];
      }
      out += `"${s}"`;
      continue;
    }
    if (src.startsWith('True', i)) {
      out += 'true';
      i += 3;
    } else if (src.startsWith('False', i)) {
      out += 'false';
      i += 4;
    } else if (src.startsWith('None', i)) {
      out += 'null';
      i += 3;
    } else out += ch;
  }
  return out;
}
