import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../core/report/redact';
import {
  appUrlOf,
  discordStatus,
  formatCount,
  githubCaveat,
  hidesPayloads,
  markdownStatus,
  openStatus,
  redactionCount,
  redactionLines,
  redactionSummary,
  reportOptions,
  templateText,
  urlLengthText,
} from './report-view';

const jwt: Redaction = { kind: 'jwt', label: '<redacted JWT>', count: 2 };
const payload: Redaction = { kind: 'payload', label: '<payload: 182 bytes>', count: 1 };
const payload2: Redaction = { kind: 'payload', label: '<payload: 1 byte>', count: 1 };
const bearer: Redaction = { kind: 'bearer', label: '<redacted token>', count: 1 };

describe('redaction list', () => {
  it('says how many of what, and the marker that stands in their place', () => {
    expect(redactionLines([jwt, payload])).toEqual([
      { key: 'jwt:<redacted JWT>', what: '2 JWTs', marker: '<redacted JWT>' },
      { key: 'payload:<payload: 182 bytes>', what: '1 payload', marker: '<payload: 182 bytes>' },
    ]);
  });

  it('names every kind in the singular and the plural', () => {
    expect(redactionCount({ kind: 'api-key', count: 1 })).toBe('1 API key');
    expect(redactionCount({ kind: 'api-key', count: 1200 })).toBe('1,200 API keys');
    expect(redactionCount({ kind: 'auth-header', count: 2 })).toBe('2 Authorization credentials');
    expect(redactionCount({ kind: 'private-key', count: 1 })).toBe('1 private key');
  });

  it('sums up for a live status, counting payloads of different sizes together', () => {
    expect(redactionSummary([])).toBe('nothing needed redacting');
    expect(redactionSummary([jwt])).toBe('2 JWTs redacted');
    expect(redactionSummary([jwt, payload, payload2])).toBe('2 JWTs and 2 payloads redacted');
    expect(redactionSummary([jwt, bearer, payload])).toBe('2 JWTs, 1 bearer token and 1 payload redacted');
  });

  it('knows when payloads were hidden', () => {
    expect(hidesPayloads([jwt])).toBe(false);
    expect(hidesPayloads([jwt, payload])).toBe(true);
  });
});

describe('report options', () => {
  it('links to this page without its query or fragment', () => {
    const location = { origin: 'https://inspector.example', pathname: '/tools/' };
    expect(appUrlOf(location)).toBe('https://inspector.example/tools/');
    expect(reportOptions('the paste', location)).toEqual({ pastedText: 'the paste', includePayloads: false, appUrl: 'https://inspector.example/tools/' });
    expect(reportOptions('the paste', location, true).includePayloads).toBe(true);
  });

  it('read the lines around the finding of a long log, not all of it', () => {
    const location = { origin: 'https://inspector.example', pathname: '/' };
    const text = Array.from({ length: 100_000 }, (_, k) => `line ${k + 1} of a long log, padded to some width`).join('\n');
    const options = reportOptions(text, location, false, 90_000);
    expect(options.pastedText?.length).toBeLessThan(text.length / 2);
    expect(options.pastedText).toContain('line 90000 of a long log');
  });
});

describe('GitHub wording', () => {
  it('says how each template is filled', () => {
    expect(templateText('report-bug.yml')).toMatch(/^report-bug\.yml — the organisation's bug form/);
    expect(templateText('bug_report.md')).toMatch(/^bug_report\.md — the repository's bug template/);
    expect(templateText(null)).toBe('none — a plain issue');
  });

  it('is honest about what is probably not a Resonate bug', () => {
    expect(githubCaveat({ source: 'unknown', error: true, retry: 'after-fix' })).toMatch(/^This is probably not a Resonate bug/);
    expect(githubCaveat({ source: 'server', error: false, retry: 'n/a' })).toMatch(/^This is not an error/);
    expect(githubCaveat({ source: 'server', error: true, retry: 'never' })).toBeNull();
  });

  it('says the full report is on the clipboard once it is', () => {
    expect(openStatus('idle')).toBe('');
    expect(openStatus('copied')).toMatch(/^The report was too long for a link: the full report is on your clipboard — paste it into the issue\./);
    expect(openStatus('copy-failed')).toMatch(/did not allow copying/);
    expect(openStatus('opened')).toMatch(/^GitHub opened in a new tab/);
  });

  it('measures the link', () => {
    expect(urlLengthText('x'.repeat(4312), 6000)).toBe('4,312 of 6,000 characters');
  });
});

describe('copy wording', () => {
  it('says how long a Discord message is against the limit', () => {
    expect(discordStatus(1234, 2000, true)).toBe('Copied — 1,234 / 2,000 characters');
    expect(discordStatus(1234, 2000, false)).toMatch(/did not allow copying/);
  });

  it('says what Markdown was copied', () => {
    expect(markdownStatus(3456, true)).toBe('Copied the Markdown report — 3,456 characters');
    expect(markdownStatus(9000, true, 3)).toBe('Copied the Markdown report of all 3 findings — 9,000 characters');
    expect(markdownStatus(9000, false, 3)).toMatch(/did not allow copying/);
    expect(formatCount(0)).toBe('0');
  });
});
