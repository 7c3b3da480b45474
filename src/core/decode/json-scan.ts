/** Largest JSON object the scanner will try to read in one piece. */
const MAX_OBJECT = 4 * 1024 * 1024;

/** Work done by the scanners since the last reset: what the complexity tests count (not a timing). */
export const jsonScanWork = { scanned: 0, parseAttempts: 0, parsedChars: 0 };
export function resetJsonScanWork(): void {
  jsonScanWork.scanned = 0;
  jsonScanWork.parseAttempts = 0;
  jsonScanWork.parsedChars = 0;
}

/** An object starts with a key or is empty: `{` followed by code (`{ code: '02'`, `() {`) is not JSON. */
function opensObject(text: string, start: number): boolean {
  let k = start + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13)) k++;
  const next = text[k];
  return next === '"' || next === "'" || next === '}';
}

/**
 * Runs the bracket scanner from `start` and records, for every `{` it meets outside a string, where its own
 * balanced object ends (-1: never), so that later starts at those braces cost nothing: from such a brace the
 * scanner would do exactly what it does here. Without this, a paste of unclosed openers (`{"kind":"` × 20 000)
 * is scanned to its end once per brace.
 */
function scanFrom(text: string, start: number, memo: Map<number, number>): number {
  const limit = Math.min(text.length, start + MAX_OBJECT);
  const open: number[] = []; // positions of the brackets still open; -1 for `[`
  let quote = 0;
  let result = -1;
  let i = start;
  let failed = false;
  for (; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92 /* \ */) i++;
      else if (ch === quote) quote = 0;
      else if (ch === 10 && quote === 39) {
        failed = true; // a repr string never spans lines
        break;
      }
      continue;
    }
    if (ch === 34 /* " */ || ch === 39 /* ' */) quote = ch;
    else if (ch === 123 /* { */) open.push(i);
    else if (ch === 91 /* [ */) open.push(-1);
    else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      const at = open.pop();
      if (at !== undefined && at >= 0) memo.set(at, i + 1);
      if (open.length === 0) {
        result = i + 1;
        break;
      }
    }
  }
  jsonScanWork.scanned += Math.min(i, limit) - start + 1;
  // The braces still open never close: the same is true from each of them (when the scan was not cut by the size cap).
  if (failed || limit === text.length) for (const at of open) if (at >= 0) memo.set(at, -1);
  if (result < 0) memo.set(start, -1);
  return result;
}

/**
 * Finds the end (exclusive) of the balanced `{…}` starting at `start`, honouring JSON strings and the
 * single-quoted strings of a Python dict repr. Returns -1 when it is not balanced. Pass one `memo` for all the
 * starts in one text: the total work is then linear in the text's length for any text.
 */
export function balancedEnd(text: string, start: number, memo: Map<number, number> = new Map()): number {
  if (!opensObject(text, start)) return -1;
  const known = memo.get(start);
  if (known !== undefined) return known;
  return scanFrom(text, start, memo);
}

/**
 * balancedEnd without its memo, for a caller that scans each part of a text once (it goes on after the end found,
 * and stops at the first start that finds none): -1 when the `{` at `start` opens no object or none that closes.
 */
export function balancedEndOnce(text: string, start: number): number {
  if (!opensObject(text, start)) return -1;
  const limit = Math.min(text.length, start + MAX_OBJECT);
  let depth = 0;
  let quote = 0;
  for (let i = start; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92 /* \ */) i++;
      else if (ch === quote) quote = 0;
      else if (ch === 10 && quote === 39) return -1; // a repr string never spans lines
      continue;
    }
    if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 123 || ch === 91) depth++;
    else if ((ch === 125 || ch === 93) && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Does the `{` at `start` open an object (see opensObject)? null when the text ends before that is decided (a
 * line's last `{`: the next line says).
 */
export function opensObjectWithin(text: string, start: number): boolean | null {
  let k = start + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k >= text.length) return null;
  const next = text.charCodeAt(k);
  if (next === 10 || next === 13) return opensObject(text, start);
  return next === 34 || next === 39 || next === 125;
}

/** What scanners of pieces of one text share: where the piece starts in the text, and the failed objects around. */
export type ScanShare = { base: number; failed: number[] };

/**
 * Reads the JSON objects of one text, start by start, in increasing order, in linear time: the bracket scans
 * share a memo, and a parse is not attempted deeper than MAX_FAILED_NESTING objects that already failed to
 * parse around it (`{"a":` × 10 000 with one bad token inside would otherwise be parsed once per level).
 * Scanners of pieces of one text (a line, then the whole text) pass one `share`: its failed objects are kept in
 * positions of the whole text, so that reading an object from its line or from the whole text is the same.
 */
export function createJsonScanner(text: string, share: ScanShare = { base: 0, failed: [] }): { read: (start: number) => { end: number; value: unknown } } {
  const memo = new Map<number, number>();
  const { base, failed } = share; // ends (in the whole text) of the enclosing objects that did not parse
  let first = true;
  /** Drops the failed objects that end before `start`; true when it still sits inside too many of them. */
  const tooDeep = (start: number): boolean => {
    while (failed.length > 0 && (failed[failed.length - 1] ?? 0) <= start + base) failed.pop();
    return failed.length >= MAX_FAILED_NESTING;
  };
  return {
    read(start) {
      // The first object of a text that ends with `}` (a one-line JSON record): JSON.parse of the rest of the text
      // says at once whether it is one object to the end, the end the bracket scan would find. Once per text,
      // so the work stays linear whatever the text.
      if (first) {
        first = false;
        const last = lastNonSpace(text);
        if (last > start && text.charCodeAt(last) === 125 && last - start < MAX_OBJECT && opensObject(text, start)) {
          if (!tooDeep(start)) {
            const value = parseJson(text.slice(start, last + 1));
            if (value !== undefined) {
              memo.set(start, last + 1);
              return { end: last + 1, value };
            }
          }
        }
      }
      const end = balancedEnd(text, start, memo);
      if (end < 0) return { end, value: undefined };
      if (tooDeep(start)) return { end, value: undefined };
      const value = parseJsonish(text.slice(start, end));
      if (value === undefined) failed.push(end + base);
      return { end, value };
    },
  };
}

/** How many failed objects deep a nested object is still tried (a real log's wrappers are a few levels deep). */
export const MAX_FAILED_NESTING = 8;

/** The index of the text's last character that is not blank, or -1. */
function lastNonSpace(text: string): number {
  let k = text.length - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    k--;
  }
  return k;
}

/** JSON.parse alone, counted as a parse attempt; undefined for anything that is not JSON. */
function parseJson(slice: string): unknown {
  jsonScanWork.parseAttempts++;
  jsonScanWork.parsedChars += slice.length;
  try {
    return JSON.parse(slice);
  } catch {
    return undefined;
  }
}

/** JSON.parse that never throws; also reads Python dict reprs (`{'kind': 'task.get', …}`). */
export function parseJsonish(slice: string): unknown {
  const value = parseJson(slice);
  if (value !== undefined || !slice.includes("'")) return value;
  try {
    return JSON.parse(pythonReprToJson(slice));
  } catch {
    return undefined;
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
