import type { Catalog, CatalogEntry } from './catalog-types';
import { SOURCES, VERDICTS } from './catalog-types';
import { parseRange } from './version-range';

export type ParseCatalogResult = { ok: true; catalog: Catalog } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function entryProblem(e: unknown): string | null {
  if (!isRecord(e)) return 'an entry is not an object';
  const id = typeof e.id === 'string' ? e.id : '?';
  if (typeof e.id !== 'string' || !/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(e.id)) return `entry ${id}: bad id`;
  if (!SOURCES.includes(e.source as never)) return `entry ${id}: bad source`;
  if (e.code !== null && typeof e.code !== 'string') return `entry ${id}: bad code`;
  if (!isRecord(e.match)) return `entry ${id}: no match`;
  if (typeof e.title !== 'string' || typeof e.summary !== 'string') return `entry ${id}: no title/summary`;
  if (!isStringArray(e.causes) || !isStringArray(e.steps)) return `entry ${id}: causes/steps must be strings`;
  if (!isRecord(e.retry) || !VERDICTS.includes(e.retry.verdict as never) || typeof e.retry.reason !== 'string')
    return `entry ${id}: bad retry`;
  for (const key of ['pattern', 'details'] as const) {
    const source = e.match[key];
    if (source === undefined) continue;
    if (typeof source !== 'string') return `entry ${id}: ${key} is not a string`;
    try {
      new RegExp(source);
    } catch {
      return `entry ${id}: ${key} does not compile`;
    }
  }
  for (const key of ['releases', 'fixedIn'] as const) {
    const value = e[key];
    if (value === undefined) continue;
    if (!isRecord(value)) return `entry ${id}: ${key} is not an object`;
    for (const [product, text] of Object.entries(value)) {
      if (!SOURCES.includes(product as never) || typeof text !== 'string') return `entry ${id}: bad ${key} for ${product}`;
      if (key === 'releases' ? parseRange(text) === null : !/^\d+\.\d+\.\d+$/.test(text)) return `entry ${id}: ${key}.${product} is not a version${key === 'releases' ? ' range' : ''}`;
    }
  }
  return null;
}

/** Validates untrusted catalog JSON once, at the boundary. Never throws. */
export function parseCatalog(json: unknown): ParseCatalogResult {
  if (!isRecord(json)) return { ok: false, error: 'the catalog is not a JSON object' };
  if (typeof json.version !== 'string') return { ok: false, error: 'the catalog has no version' };
  if (!isRecord(json.covers) || !isRecord(json.repos)) return { ok: false, error: 'the catalog lacks covers or repos' };
  if (!Array.isArray(json.entries)) return { ok: false, error: 'the catalog has no entries' };
  const ids = new Set<string>();
  for (const e of json.entries) {
    const problem = entryProblem(e);
    if (problem) return { ok: false, error: problem };
    const id = (e as CatalogEntry).id;
    if (ids.has(id)) return { ok: false, error: `duplicate entry id ${id}` };
    ids.add(id);
  }
  return { ok: true, catalog: json as Catalog };
}

export function findEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  return catalog.entries.find((e) => e.id === id);
}
