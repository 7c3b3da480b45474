import { describe, expect, it } from 'vitest';
import { issuesHref, safeHref } from './safe-href';

describe('safeHref', () => {
  it('keeps http(s) links', () => {
    expect(safeHref('https://docs.resonatehq.io/debug/errors#404')).toBe('https://docs.resonatehq.io/debug/errors#404');
  });

  it('drops scripts, data, relative and malformed links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});

describe('issuesHref', () => {
  it('links an owner/name repository', () => {
    expect(issuesHref('resonatehq/resonate-sdk-py')).toBe('https://github.com/resonatehq/resonate-sdk-py/issues');
  });

  it('refuses anything else', () => {
    expect(issuesHref('resonatehq')).toBeNull();
    expect(issuesHref('a/b/c')).toBeNull();
    expect(issuesHref('javascript:x/y')).toBeNull();
  });
});
