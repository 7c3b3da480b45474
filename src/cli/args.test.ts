import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('keeps the existing flags', () => {
    expect(parseArgs([])).toEqual({ json: false, files: [], report: null, appUrl: null, includePayloads: false });
    expect(parseArgs(['--json', 'a.txt', 'b.log'])).toMatchObject({ json: true, files: ['a.txt', 'b.log'] });
    expect(parseArgs(['--help'])).toBe('help');
    expect(parseArgs(['-h'])).toBe('help');
    expect(parseArgs(['--verbose'])).toEqual({ error: 'unknown option --verbose' });
  });

  it('reads --report with a separate or an inline value', () => {
    expect(parseArgs(['--report', 'github', 'x.txt'])).toMatchObject({ report: 'github', files: ['x.txt'] });
    expect(parseArgs(['--report=discord'])).toMatchObject({ report: 'discord', files: [] });
    expect(parseArgs(['--json', '--report', 'markdown'])).toMatchObject({ report: 'markdown', json: true });
  });

  it('rejects a missing or unknown report kind', () => {
    expect(parseArgs(['--report'])).toHaveProperty('error');
    expect(parseArgs(['--report', 'slack'])).toHaveProperty('error');
    expect(parseArgs(['--report=', 'x'])).toHaveProperty('error');
  });

  it('reads --app-url and --include-payloads', () => {
    expect(parseArgs(['--app-url', 'https://inspector.example/', '--include-payloads'])).toMatchObject({
      appUrl: 'https://inspector.example/',
      includePayloads: true,
    });
    expect(parseArgs(['--app-url', 'javascript:alert(1)'])).toHaveProperty('error');
    expect(parseArgs(['--app-url'])).toHaveProperty('error');
  });
});
