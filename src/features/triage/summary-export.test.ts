import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../core/triage/group';
import { makeFinding } from '../../testing/make-finding';
import { exportFile, exportFileName, exportText, summaryOptions } from './summary-export';

const groups = groupFindings([
  makeFinding({ spans: [{ startLine: 1, endLine: 1 }, { startLine: 5, endLine: 5 }] }),
  makeFinding({ source: 'ts-sdk', code: '1102', entry: 'ts.1102.function-already-registered', title: 'Function already registered' }),
]);

describe('summaryOptions', () => {
  it('links entries to their page on this site, whatever the current fragment', () => {
    const options = summaryOptions('2026.11.25', 'https://inspector.example/app/#/s/v1.abc');
    expect(options.entryUrl?.('server.404.promise-not-found')).toBe('https://inspector.example/app/#/e/server.404.promise-not-found');
    expect(options.catalogVersion).toBe('2026.11.25');
  });

  it('falls back to the bare fragment when the base is not a URL', () => {
    expect(summaryOptions('v', 'not a url').entryUrl?.('a.b')).toBe('#/e/a.b');
  });
});

describe('exportText', () => {
  const options = summaryOptions('2026.11.25', 'http://127.0.0.1:4173/');

  it('writes a Markdown table with linked titles and the catalog version', () => {
    const md = exportText('markdown', groups, options);
    expect(md).toContain('| Count |');
    expect(md).toContain('[Promise not found](http://127.0.0.1:4173/#/e/server.404.promise-not-found)');
    expect(md).toContain('catalog 2026.11.25');
  });

  it('writes CSV with a header and one row per group', () => {
    const csv = exportText('csv', groups, options);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(3);
    expect(csv.startsWith('count,entry,title')).toBe(true);
  });

  it('writes a Discord message under 2,000 characters', () => {
    expect(exportText('discord', groups, options).length).toBeLessThanOrEqual(2000);
  });
});

describe('files', () => {
  it('names downloads by date and format', () => {
    const now = new Date(2026, 10, 25, 2, 56);
    expect(exportFileName('markdown', now)).toBe('resonate-summary-2026-11-25-0256.md');
    expect(exportFileName('csv', now)).toBe('resonate-summary-2026-11-25-0256.csv');
  });

  it('gives CSV a byte-order mark for spreadsheets, Markdown none', () => {
    expect(exportFile('csv', 'a,b\r\n')).toEqual({ mime: 'text/csv;charset=utf-8', body: '\ufeffa,b\r\n' });
    expect(exportFile('markdown', '# x')).toEqual({ mime: 'text/markdown;charset=utf-8', body: '# x' });
  });
});
