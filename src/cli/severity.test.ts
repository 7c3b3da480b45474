import { describe, expect, it } from 'vitest';
import { decode } from '../core/decode/decode';
import { catalog } from '../package/catalog';
import { SERVER_404 } from './cli-samples';
import { failsOn, severityOf } from './severity';

const success = '{"kind":"promise.get","head":{"corrId":"c1","status":200,"version":"2026-04-01"},"data":{"promise":{"id":"p1","state":"pending","param":{},"value":{},"tags":{},"timeoutAt":1,"createdAt":0}}}';

describe('--fail-on', () => {
  it('fails on a Resonate error unless told never', () => {
    const findings = decode(SERVER_404, catalog);
    expect(findings.map(severityOf)).toEqual(['error']);
    expect(failsOn(findings, 'error')).toBe(true);
    expect(failsOn(findings, 'warning')).toBe(true);
    expect(failsOn(findings, 'never')).toBe(false);
  });

  it('does not fail on a success, another program’s error, or nothing', () => {
    const ok = decode(success, catalog);
    expect(ok.length).toBeGreaterThan(0);
    expect(failsOn(ok, 'warning')).toBe(false);
    const other = decode('TypeError: Cannot read properties of undefined (reading \'x\')\n    at main (/app/index.js:3:9)', catalog);
    expect(other.every((f) => severityOf(f) === null)).toBe(true);
    expect(failsOn(other, 'warning')).toBe(false);
    expect(failsOn([], 'error')).toBe(false);
  });
});
