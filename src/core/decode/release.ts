import type { Catalog, CatalogEntry } from '../catalog/catalog-types';
import { compareVersions, parseRange, type VersionRange } from '../catalog/version-range';
import type { Finding } from './finding';

/** A release era, and what in a paste shows it (sdk-versions.md; each release's own frame layout and classes). */
type Era = { range: string; by: string };

/** Where @resonatehq/sdk's code sits in a frame: `lib/` (0.5–0.6), `dist/src|dev/` in CommonJS (0.7–0.9), ESM `dist/` (0.10) and `dist/src/` (0.11). */
const SDK_DIR = /node_modules[/\\]@resonatehq[/\\]sdk[/\\]/;
const LAYOUT = /^(?<top>lib|dist)[/\\](?<sub>src[/\\]|dev[/\\])?/;

/** The layout of the first SDK frame path: what follows the package directory, and whether the path is a file:// URL (ESM). */
function sdkLayout(text: string): { top: string; sub: string | undefined; url: boolean } | null {
  const m = text.includes('@resonatehq') ? SDK_DIR.exec(text) : null;
  if (!m) return null;
  const layout = LAYOUT.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
  if (!layout?.groups?.top) return null;
  // The path's own token: back to the whitespace or parenthesis before it (bounded, so this stays linear).
  const from = Math.max(0, m.index - 400);
  const before = text.slice(from, m.index);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('('), before.lastIndexOf('\n'), before.lastIndexOf('\t'));
  return { top: layout.groups.top, sub: layout.groups.sub, url: before.slice(start + 1).startsWith('file://') };
}

function tsEra(text: string): Era | null {
  const m = sdkLayout(text);
  if (m?.top === 'lib') return { range: '>=0.5.0 <0.7.0', by: 'the frame layout (lib/)' };
  if (m?.top === 'dist' && m.url) {
    return m.sub?.startsWith('src') ? { range: '>=0.11.0', by: 'the frame layout (ESM dist/src/)' } : { range: '>=0.10.0 <0.11.0', by: 'the frame layout (ESM dist/)' };
  }
  if (m?.top === 'dist' && m.sub) return { range: '>=0.7.0 <0.10.0', by: 'the frame layout (CommonJS dist/src/)' };
  if (/\bResonateTimeoutException\b|"component":"(?:network|runtime|core)"/.test(text)) return { range: '>=0.10.0', by: 'what only 0.10+ prints' };
  return null;
}

function pyEra(text: string): Era | null {
  if (/\bresonate\.errors\.ResonateError\b|ResonateError\([^)]*["']STORE_[A-Z_]+["']/.test(text)) return { range: '>=0.3.0 <0.5.0', by: 'the error class (string codes)' };
  if (/\bresonate\.errors\.errors\.\w+|\[\d{3}\.\d{5}\]/.test(text)) return { range: '>=0.5.0 <0.7.0', by: 'the error class ([100.NNNNN] codes)' };
  if (/\bresonate\.error\.\w+|\b(?:server|http|decoding) error(?: \(code=\d+\))?: /.test(text)) return { range: '>=0.7.0', by: 'the error class (resonate.error)' };
  return null;
}

/** An exact release the paste prints: the Python banner's `📦 Version:`, the 0.4 report's `Resonate (version …)`, a pin. */
const EXACT_IN_PASTE = /📦 Version:\s+(\d+\.\d+\.\d+)\b|Resonate \(version (\d+\.\d+\.\d+)\)|resonate-sdk==(\d+\.\d+\.\d+)\b|@resonatehq\/sdk@(\d+\.\d+\.\d+)\b|"@resonatehq\/sdk":\s*"[\^~]?(\d+\.\d+\.\d+)"/;
/** A reader's label that is already one exact release. */
const EXACT_LABEL = /^(?:resonate-sdk|@resonatehq\/sdk) (\d+\.\d+\.\d+)$/;

const NAMES: Record<'ts-sdk' | 'python-sdk', string> = { 'ts-sdk': '@resonatehq/sdk', 'python-sdk': 'resonate-sdk' };

/** The smallest range that both ranges allow (they are half-open [min, max) or closed at max). */
function intersect(a: VersionRange, b: VersionRange): VersionRange | null {
  const min = a.min && b.min ? (compareVersions(a.min, b.min) >= 0 ? a.min : b.min) : (a.min ?? b.min);
  let max = a.max;
  let maxIncluded = a.maxIncluded;
  if (b.max && (!max || compareVersions(b.max, max) < 0 || (compareVersions(b.max, max) === 0 && !b.maxIncluded))) {
    max = b.max;
    maxIncluded = b.maxIncluded;
  }
  if (min && max && (compareVersions(min, max) > 0 || (compareVersions(min, max) === 0 && !maxIncluded))) return null;
  return { ...(min ? { min } : {}), ...(max ? { max, maxIncluded } : {}) };
}

/** `0.5–0.6.x` for [0.5.0, 0.7.0), `0.7.0–0.8.2` for [0.7.0, 0.8.2], `0.10+` for [0.10.0, ∞). */
function describe(r: VersionRange): string | null {
  const short = (v: string) => v.replace(/\.0$/, '');
  let upper: string | null = null;
  if (r.max && r.maxIncluded) upper = r.max;
  else if (r.max) {
    const [major = 0, minor = 0, patch = 0] = r.max.split('.').map(Number);
    upper = patch === 0 && minor > 0 ? `${major}.${minor - 1}.x` : `before ${r.max}`;
  }
  if (r.min && upper === `${short(r.min)}.x`) return upper;
  if (r.min && upper) return upper.startsWith('before') ? `${short(r.min)}, ${upper}` : r.maxIncluded ? `${r.min}–${upper}` : `${short(r.min)}–${upper}`;
  if (r.min) return `${short(r.min)}+`;
  return upper && !upper.startsWith('before') ? `up to ${upper}` : upper;
}

const byIdCache = new WeakMap<Catalog, Map<string, CatalogEntry>>();
function entriesById(catalog: Catalog): Map<string, CatalogEntry> {
  let map = byIdCache.get(catalog);
  if (!map) {
    map = new Map(catalog.entries.map((e) => [e.id, e]));
    byIdCache.set(catalog, map);
  }
  return map;
}

/**
 * Names the SDK release a finding comes from when the paste shows it (an exact version, or an era read off frame
 * layouts and class names, narrowed by the releases the catalog entry says print this error), and says
 * "Fixed in X: upgrade" where the entry names the release that fixed it and the paste's release is older.
 */
export function applyRelease(f: Finding, catalog: Catalog): void {
  if (f.source !== 'ts-sdk' && f.source !== 'python-sdk') return;
  const entry: CatalogEntry | undefined = f.entry ? entriesById(catalog).get(f.entry) : undefined;
  const text = f.excerpt;
  const exact = EXACT_LABEL.exec(f.versions.sdk ?? '')?.[1] ?? EXACT_IN_PASTE.exec(text)?.slice(1).find((v) => v !== undefined);
  const entryRange = entry?.releases?.[f.source] !== undefined ? parseRange(entry.releases[f.source] ?? '') : null;
  let release: string | null = null;
  let known: VersionRange | null;
  if (exact) {
    known = { min: exact, max: exact, maxIncluded: true };
    release = `${NAMES[f.source]} ${exact}`;
  } else {
    const era = f.source === 'ts-sdk' ? tsEra(text) : pyEra(text);
    const eraRange = era ? parseRange(era.range) : null;
    known = eraRange && entryRange ? (intersect(eraRange, entryRange) ?? eraRange) : (eraRange ?? entryRange);
    const words = known ? describe(known) : null;
    if (words && era) release = `${NAMES[f.source]} ${words} (read from ${era.by})`;
    else if (words && entryRange) release = `${NAMES[f.source]} ${words} (the releases that print this error)`;
  }
  if (release) f.versions = { ...f.versions, sdk: release };
  const fixed = entry?.fixedIn?.[f.source];
  if (fixed && (!known?.min || compareVersions(known.min, fixed) < 0)) {
    const note = `Fixed in ${NAMES[f.source]} ${fixed}: upgrade.`;
    if (!f.notes.includes(note)) f.notes.push(note);
  }
}
