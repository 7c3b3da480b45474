import catalogJson from '../../public/catalog.json';
import { parseCatalog } from '../core/catalog/parse-catalog';
import type { Catalog } from '../core/catalog/catalog-types';
import { normalizeLines } from '../core/decode/normalize';
import type { Read, ReadContext, Reader, ReadResult } from '../core/decode/readers/reader';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
/** The real catalog, parsed once for the tests. */
export const testCatalog: Catalog = parsed.catalog;

/** Everything one reader alone reads from a text, line by line as the decode loop offers lines (nested texts not read). */
export function readWith(reader: Reader, text: string, catalog: Catalog = testCatalog): { raws: Read[]; results: Array<ReadResult & { at: number }> } {
  const lines = normalizeLines(text);
  const ctx: ReadContext = { lines, catalog, no: (i) => lines[i]?.no ?? 0, readNested: () => [] };
  const instance = reader.start(ctx);
  const results: Array<ReadResult & { at: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    if (t.trim() === '') continue;
    instance.see?.(i, t);
    const r = instance.read(i, t, true, true);
    if (!r) continue;
    results.push({ ...r, at: i });
    i = Math.max(i, r.end);
  }
  return { raws: results.flatMap((r) => r.raws), results };
}
