/**
 * The "Done when", for every shared fixture: decode it, take the first finding, and build the reports.
 * The GitHub URL points to the right repository and template, stays within the budget, and decodes back to
 * fields that hold the diagnosis; the Discord message is at most 2,000 characters; and with secrets planted
 * in the paste (in the envelopes and between its lines), none of them survives into any report.
 */
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import type { Source } from '../catalog/catalog-types';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { DISCORD_LIMIT, buildDiscordMessage } from './discord';
import { DEFAULT_URL_BUDGET, buildGithubReport } from './github';
import { buildMarkdownReport, buildMarkdownReportAll } from './markdown';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { mdSafe } from './report-parts';
import type { Secret } from './test-secrets';
import { SNIPPETS, base64, jwtCores, jwtOf, leaked, plantAt, plantInEnvelopes } from './test-secrets';

const fixtures = readSharedFixtures();

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

/** The routing the issue asks for (anchors.md §1.5), independent of the catalog's data. */
const REPO_BY_SOURCE: Record<Source, string> = {
  server: 'resonatehq/resonate',
  'legacy-server': 'resonatehq/resonate',
  'python-sdk': 'resonatehq/resonate-sdk-py',
  'ts-sdk': 'resonatehq/resonate-sdk-ts',
  unknown: catalog.repos.unknown,
};
const FORM_KEYS = new Set(['template', 'title', 'summary', 'affected', 'reproducer', 'env']);
const TS_KEYS = new Set(['template', 'title', 'body']);
const APP_URL = 'https://inspector.example/';

function expectedRepo(f: Finding): string {
  const entry = catalog.entries.find((e) => e.id === f.entry);
  return entry?.reportRepo ?? REPO_BY_SOURCE[f.source];
}

// Fixed secrets, generated once from fixed bytes: the property test (redaction.property.test.ts) generates random ones.
const JWT = jwtOf({ alg: 'RS256', typ: 'JWT', kid: 'kid-7Qz2Lw9X' }, { sub: 'worker-Hc84Pq', prefix: 'order-', exp: 1777420000 }, 'SiGnAtUrE0123456789abcdefXYZ_-sig');
const PAYLOAD = base64(Array.from({ length: 48 }, (_, i) => (i * 37 + 11) % 256));
const SECRETS: Secret[] = [
  { snippet: `Authorization: Bearer ${JWT}`, cores: jwtCores(JWT) },
  { snippet: SNIPPETS.bearer[1]('tok9Fq2Lx8Wm3Rz7Kd5Vn1Bp'), cores: ['tok9Fq2Lx8Wm3Rz7Kd5Vn1Bp'] },
  { snippet: 'RESONATE_TOKEN=rt4Hs9Kq2Zx7Lm3Nv8Bw', cores: ['rt4Hs9Kq2Zx7Lm3Nv8Bw'] },
  { snippet: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', cores: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'] },
  { snippet: 'postgres://resonate:Pw0rd.Zq9!xK@db.internal:5432/resonate', cores: ['Pw0rd.Zq9!xK'] },
  { snippet: `"param": {"headers": {}, "data": "${PAYLOAD}"}`, cores: [PAYLOAD] },
];

/** The fixture with every secret planted: in its envelopes, and on lines of their own from its top to its end. */
function planted(input: string): string {
  let text = plantInEnvelopes(input, JWT, PAYLOAD);
  SECRETS.forEach((s, i) => {
    text = plantAt(text, Math.floor((text.length * i) / SECRETS.length), s.snippet, true);
  });
  return text;
}

function reportsOf(f: Finding, all: Finding[], pastedText: string): string[] {
  const gh = buildGithubReport(f, catalog, { pastedText, appUrl: APP_URL });
  const url = new URL(gh.url);
  return [
    gh.url,
    ...[...url.searchParams.values()],
    gh.title,
    gh.body,
    gh.fullBody,
    gh.searchUrl,
    ...[...new URL(gh.searchUrl).searchParams.values()],
    buildDiscordMessage(f, catalog, { pastedText, appUrl: APP_URL }).text,
    buildMarkdownReport(f, catalog, { pastedText, appUrl: APP_URL }).text,
    buildMarkdownReportAll(all, catalog, { pastedText, appUrl: APP_URL }).text,
  ];
}

describe('reports for every shared fixture', () => {
  it('reads the fixture files', () => {
    expect(fixtures.length).toBeGreaterThan(80);
  });

  it('plants secrets where the decoder reads them (so the checks below have teeth)', () => {
    const carried = fixtures.filter((fx) => leaked([JSON.stringify(decode(planted(fx.input), catalog))], SECRETS) !== null);
    expect(carried.length).toBeGreaterThan(fixtures.length / 3);
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
    const findings = decode(fixture.input, catalog);
    const f = findings[0];
    expect(f, 'a finding').toBeDefined();
    if (!f) return;

    // GitHub: the right repository and template, within the budget, decoding back to the diagnosis.
    const gh = buildGithubReport(f, catalog, { pastedText: fixture.input, appUrl: APP_URL });
    const repo = expectedRepo(f);
    const form = repo !== 'resonatehq/resonate-sdk-ts';
    expect(gh.repo).toBe(repo);
    expect(gh.template).toBe(form ? 'report-bug.yml' : 'bug_report.md');
    expect(gh.url.length).toBeLessThanOrEqual(DEFAULT_URL_BUDGET);
    const url = new URL(gh.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/${repo}/issues/new`);
    const params = url.searchParams;
    expect(params.get('template')).toBe(gh.template);
    for (const key of params.keys()) expect(form ? FORM_KEYS : TS_KEYS).toContain(key);
    const title = params.get('title') ?? '';
    expect(title.length).toBeGreaterThan(0);
    expect(title.length).toBeLessThan(256);
    if (form) expect(title.startsWith('[Bug] ')).toBe(true);
    const diagnosis = (form ? params.get('summary') : params.get('body')) ?? '';
    expect([f.title, mdSafe(f.title)].some((t) => diagnosis.includes(t)), `the title "${f.title}"`).toBe(true);
    expect(diagnosis).toContain(`(\`${f.retry}\`)`);
    if (f.entry) expect(diagnosis).toContain(`${APP_URL}#/e/${f.entry}`);
    if (form) expect(params.get('reproducer') ?? '').not.toContain('```');
    else expect(diagnosis.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Expected Behavior', '## Actual Behavior', '## To Reproduce', '## Specifications', '## Additional context']);

    // Discord: at most 2,000 characters, every block closed.
    const discord = buildDiscordMessage(f, catalog, { pastedText: fixture.input, appUrl: APP_URL });
    expect(discord.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect((discord.text.match(/```/g) ?? []).length % 2).toBe(0);

    // With secrets planted, nothing of them comes out.
    const text = planted(fixture.input);
    const all = decode(text, catalog);
    const first = all[0];
    const outputs = first ? reportsOf(first, all, text) : [buildMarkdownReportAll(all, catalog, { pastedText: text }).text];
    expect(leaked(outputs, SECRETS)).toBeNull();
    if (first) {
      expect(buildGithubReport(first, catalog, { pastedText: text }).url.length).toBeLessThanOrEqual(DEFAULT_URL_BUDGET);
      expect(buildDiscordMessage(first, catalog, { pastedText: text }).text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    }
  });
});
