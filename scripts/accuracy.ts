/**
 * npm run accuracy [-- --misses]
 *
 * How often the first finding is right (source, code, retry, and all of them) on every paste we hold: the shared
 * fixtures, the shared captures of SDK releases, and our own corpus (src/testing/corpus/*.jsonl), by set, by
 * release (read from each item's id or `how`) and in all. With --misses, lists what is wrong on each miss.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCatalog } from '../src/core/catalog/parse-catalog';
import { decode } from '../src/core/decode/decode';
import { readCorpus } from '../src/testing/corpus';
import { diagnosisMismatches, type ExpectedDiagnosis } from '../src/testing/expect-diagnosis';
import { sharedDir } from '../src/testing/shared-fixtures';

type Item = { id: string; input: string; expect: ExpectedDiagnosis; how?: string; set: string };

function readJsonl(path: string, set: string): Item[] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => ({ ...(JSON.parse(l) as Omit<Item, 'set'>), set }));
  } catch {
    return [];
  }
}

function releaseOf(item: Item): string {
  const text = `${item.id} ${item.how ?? ''}`;
  const ts = /(?:^|\b)ts-(\d+\.\d+)|@resonatehq\/sdk@?\s*v?(\d+\.\d+)/.exec(text);
  if (ts) return `ts ${ts[1] ?? ts[2]}`;
  const py = /(?:^|\b)py-(\d+\.\d+)|resonate-sdk(?:-py)?@?\s*v?(\d+\.\d+)/.exec(text);
  if (py) return `py ${py[1] ?? py[2]}`;
  return `(${item.expect.source})`;
}

/** The shape of a paste, roughly, for the report (the readers decide for real). */
function shapeOf(input: string): string {
  if (/Traceback \(most recent call last\)/.test(input)) return 'python traceback';
  if (/^\s+at .+:\d+:\d+\)?$/m.test(input)) return 'node stack trace';
  if (/"head"\s*:\s*\{/.test(input)) return 'server envelope';
  if (/\{"error"\s*:\s*\{/.test(input)) return 'legacy body';
  if (/^HTTP\/\d/m.test(input)) return 'http response';
  const lines = input.split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 1) return 'log lines';
  return 'single line';
}

const catalogJson: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/catalog.json'), 'utf8'));
const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const shared = sharedDir();
const items: Item[] = [
  ...readdirSync(resolve(shared, 'fixtures'))
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl(resolve(shared, 'fixtures', f), `shared/fixtures/${f}`)),
  ...readJsonl(resolve(shared, 'captures/sdk-releases.jsonl'), 'shared/captures'),
  ...readCorpus().map((c) => ({ ...c, set: `corpus/${c.file}` })),
];

type Tally = { n: number; source: number; code: number; retry: number; all: number };
const tallies = new Map<string, Tally>();
const add = (key: string, miss: string[]) => {
  const t = tallies.get(key) ?? { n: 0, source: 0, code: 0, retry: 0, all: 0 };
  t.n++;
  const has = (field: string) => miss.some((m) => m.startsWith(`${field}:`) || m === 'no finding');
  if (!has('source')) t.source++;
  if (!has('code')) t.code++;
  if (!has('retry')) t.retry++;
  if (miss.length === 0) t.all++;
  tallies.set(key, t);
};
const misses: string[] = [];
for (const item of items) {
  const miss = diagnosisMismatches(decode(item.input, catalog)[0], item.expect);
  add(`set   ${item.set}`, miss);
  add(`release ${releaseOf(item)}`, miss);
  add(`shape ${shapeOf(item.input)}`, miss);
  add('all', miss);
  if (miss.length > 0) misses.push(`${item.set} ${item.id}: ${miss.join('; ')}`);
}
const pct = (a: number, n: number) => `${Math.round((100 * a) / n)}%`.padStart(5);
console.log('| group | items | source | code | retry | all right |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
  console.log(`| ${key} | ${t.n} | ${pct(t.source, t.n)} | ${pct(t.code, t.n)} | ${pct(t.retry, t.n)} | ${pct(t.all, t.n)} |`);
}
if (process.argv.includes('--misses')) for (const m of misses) console.log(m);
