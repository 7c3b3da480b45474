import { describe, expect, it } from 'vitest';
import { conflictOf, parseArgs } from './args';

describe('parseArgs', () => {
  it('keeps the existing flags', () => {
    expect(parseArgs([])).toEqual({ json: false, files: [], report: null, appUrl: null, includePayloads: false, failOn: 'never', format: 'text', follow: false, jobs: null });
    expect(parseArgs(['--json', 'a.txt', 'b.log'])).toMatchObject({ json: true, files: ['a.txt', 'b.log'] });
    expect(parseArgs(['--help'])).toBe('help');
    expect(parseArgs(['-h'])).toBe('help');
    expect(parseArgs(['--verbose'])).toEqual({ error: 'unknown option --verbose' });
    expect(parseArgs(['-x'])).toEqual({ error: 'unknown option -x' });
  });

  it('reads --report with a separate or an inline value', () => {
    expect(parseArgs(['--report', 'github', 'x.txt'])).toMatchObject({ report: 'github', files: ['x.txt'] });
    expect(parseArgs(['--report=discord'])).toMatchObject({ report: 'discord', files: [] });
    expect(parseArgs(['--json', '--report', 'markdown'])).toMatchObject({ report: 'markdown', json: true });
  });

  it('reads --jobs, and refuses what is not a number of threads', () => {
    expect(parseArgs(['--jobs', '1', 'big.log'])).toMatchObject({ jobs: 1, files: ['big.log'] });
    expect(parseArgs(['-j', '4'])).toMatchObject({ jobs: 4 });
    expect(parseArgs(['--jobs=0'])).toHaveProperty('error');
    expect(parseArgs(['--jobs', 'many'])).toHaveProperty('error');
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

  it('reads --fail-on, --format and --follow', () => {
    expect(parseArgs(['--fail-on', 'warning', '--format=github', '-f', 'app.log'])).toMatchObject({ failOn: 'warning', format: 'github', follow: true, files: ['app.log'] });
    expect(parseArgs(['--fail-on=error'])).toMatchObject({ failOn: 'error' });
    expect(parseArgs(['--fail-on', 'fatal'])).toEqual({ error: '--fail-on takes one of error, warning, never' });
    expect(parseArgs(['--format', 'junit'])).toEqual({ error: '--format takes one of text, github' });
    expect(parseArgs(['--', '--odd-name.txt'])).toMatchObject({ files: ['--odd-name.txt'] });
  });

  it('says which options do not go together', () => {
    const parse = (argv: string[]) => {
      const o = parseArgs(argv);
      if (o === 'help' || 'error' in o) throw new Error('bad args');
      return conflictOf(o);
    };
    expect(parse(['--follow', 'a.log', 'b.log'])).toMatch(/one input/);
    expect(parse(['--follow', '--report', 'github'])).toMatch(/reports/);
    expect(parse(['--format', 'github', '--json'])).toMatch(/annotations/);
    expect(parse(['--follow', '--json', '--fail-on', 'error', 'a.log'])).toBeNull();
  });
});
