import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../testing/make-finding';
import { DISCORD_LIMIT } from '../report/discord';
import { csvField, escapeMarkdown, summaryCsv, summaryDiscord, summaryMarkdown } from './export';
import { groupFindings } from './group';

const lines = Array.from({ length: 40 }, (_, i) => `2026-11-25T02:56:${String(i).padStart(2, '0')}Z INFO line ${i + 1}`);
const groups = groupFindings(
  [
    makeFinding({ kind: 'promise.get', spans: [{ startLine: 3, endLine: 3 }, { startLine: 30, endLine: 30 }] }),
    makeFinding({
      source: 'ts-sdk',
      code: '1103',
      status: null,
      entry: 'ts.1103.function-not-registered',
      title: "Function 'chargeCard' | not registered by @resonatehq/sdk",
      message: "Function 'chargeCard' is not registered",
      retry: 'after-fix',
      span: { startLine: 5, endLine: 9 },
    }),
  ],
  lines,
);
const entryUrl = (id: string) => `https://inspector.example/#/e/${id}`;

/** A small RFC 4180 reader, to check what a spreadsheet would read. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('summaryMarkdown', () => {
  const md = summaryMarkdown(groups, { entryUrl, catalogVersion: '2026.11.25' });
  const table = md.split('\n').filter((l) => l.startsWith('|'));

  it('writes a heading and a GitHub table with a row per group', () => {
    expect(md.split('\n')[0]).toBe('**Resonate Inspector summary**: 3 occurrences of 2 errors · 2026-11-25 02:56:02Z → 2026-11-25 02:56:29Z · catalog 2026.11.25');
    expect(table[0]).toBe('| Count | Error | Source | Code | Retry | First seen | Last seen |');
    expect(table[1]).toBe('| ---: | --- | --- | --- | --- | --- | --- |');
    expect(table[2]).toBe(
      '| 2 | [Promise not found](https://inspector.example/#/e/server.404.promise-not-found) (`promise.get`) | server | `404` | after a fix | 2026-11-25 02:56:02Z | 2026-11-25 02:56:29Z |',
    );
    expect(table).toHaveLength(4);
  });

  it('escapes pipes and markdown in cells, and defuses mentions', () => {
    const row = table[3] ?? '';
    expect(row.split(/(?<!\\)\|/)).toHaveLength(9); // 7 cells between 8 unescaped pipes
    expect(row).toContain("Function 'chargeCard' \\| not registered by @\u200bresonatehq/sdk");
  });

  it('leaves out the time columns when the log has no timestamps, and the links without entryUrl', () => {
    const plain = summaryMarkdown(groupFindings([makeFinding()]));
    expect(plain).toContain('| Count | Error | Source | Code | Retry |\n');
    expect(plain).toContain('| 1 | Promise not found | server | `404` | after a fix |');
  });

  it('caps the rows and says how many more', () => {
    const many = groupFindings(Array.from({ length: 8 }, (_, i) => makeFinding({ entry: `e${i}`, span: { startLine: i + 1, endLine: i + 1 } })));
    const out = summaryMarkdown(many, { maxRows: 5 });
    expect(out.split('\n').filter((l) => l.startsWith('| 1 '))).toHaveLength(5);
    expect(out).toMatch(/…and 3 more \(3 occurrences\)\.$/);
  });
});

describe('summaryDiscord', () => {
  it('writes one line per group, links wrapped in <> so they do not unfurl', () => {
    const out = summaryDiscord(groups, { entryUrl });
    expect(out.split('\n')).toEqual([
      '**Resonate Inspector**: 3 occurrences of 2 errors · 2026-11-25 02:56:02Z → 2026-11-25 02:56:29Z',
      '- **2×** `server 404` Promise not found \\(promise.get\\): retry after a fix <https://inspector.example/#/e/server.404.promise-not-found>',
      "- **1×** `ts-sdk 1103` Function 'chargeCard' \\| not registered by @\u200bresonatehq/sdk: retry after a fix <https://inspector.example/#/e/ts.1103.function-not-registered>",
    ]);
  });

  it('stays within 2,000 characters, saying how many groups did not fit', () => {
    const many = groupFindings(
      Array.from({ length: 200 }, (_, i) => makeFinding({ entry: `entry-${i}`, title: `A long title for error number ${i} `.repeat(3), span: { startLine: i + 1, endLine: i + 1 } })),
    );
    const out = summaryDiscord(many, { entryUrl });
    expect(out.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    const shown = out.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(shown).toBeGreaterThan(3);
    expect(out.split('\n').at(-1)).toBe(`…and ${200 - shown} more (${200 - shown} occurrences)`);
    expect(summaryDiscord(many, { limit: 300 }).length).toBeLessThanOrEqual(300);
  });
});

describe('summaryCsv', () => {
  it('writes RFC 4180: a header, CRLF line breaks, quoted fields that a spreadsheet reads back', () => {
    const csv = summaryCsv(groups);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual(['count', 'entry', 'title', 'sources', 'codes', 'statuses', 'kinds', 'retry', 'verdicts', 'first_seen', 'last_seen', 'message']);
    expect(rows[1]).toEqual(['2', 'server.404.promise-not-found', 'Promise not found', 'server', '404', '404', 'promise.get', 'after-fix', 'after-fix', '2026-11-25T02:56:02Z', '2026-11-25T02:56:29Z', 'Promise not found']);
    expect(rows).toHaveLength(3);
  });

  it('quotes commas, quotes and line breaks, and guards against formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
    const tricky = groupFindings([makeFinding({ message: 'multi\r\nline, "quoted"', title: '-1 is not a valid id' })]);
    const rows = readCsv(summaryCsv(tricky));
    expect(rows[1]?.[11]).toBe('multi\r\nline, "quoted"');
    expect(rows[1]?.[2]).toBe("'-1 is not a valid id");
  });
});

describe('escapeMarkdown', () => {
  it('keeps a cell on one line and escapes what Markdown would read', () => {
    expect(escapeMarkdown('a | b\n*c* `d` <e> [f](g) @here')).toBe('a \\| b \\*c\\* \\`d\\` \\<e\\> \\[f\\]\\(g\\) @\u200bhere');
  });
});
