// Cron as the Rust server reads it: which expressions schedule.create accepts, and when a schedule runs next.
import { describe, expect, it } from 'vitest';
import { computeNextCron, isValidCron } from './server-cron';

const at = (iso: string): number => Date.parse(iso);

describe('server cron', () => {
  it('accepts 5, 6 and 7 fields, and refuses macros, bad ranges and other field counts', () => {
    for (const ok of ['0 * * * *', '*/5 * * * *', '0 30 9 * * MON-FRI', '0 0 12 1 JAN ? 2030', '0 0 * * 1,7', '15-45/10 * * * *', '0 0 * * Sunday', '0 0 1 january *']) expect(isValidCron(ok), ok).toBe(true);
    for (const bad of ['@daily', '* * * *', '60 * * * *', '* * * * 0', 'a b c d e', '0 0 * * * * * *', '*/0 * * * *', '']) expect(isValidCron(bad), bad).toBe(false);
  });

  it('runs next strictly after the given time, at whole seconds, in UTC', () => {
    expect(computeNextCron('0 * * * *', at('2027-01-01T10:30:00.500Z'))).toBe(at('2027-01-01T11:00:00Z'));
    expect(computeNextCron('0 * * * *', at('2027-01-01T11:00:00.000Z'))).toBe(at('2027-01-01T12:00:00Z'));
    expect(computeNextCron('*/15 * * * * *', at('2027-01-01T10:00:07Z'))).toBe(at('2027-01-01T10:00:15Z'));
  });

  it('numbers the days of the week from 1 = Sunday, and needs both day fields to match', () => {
    // 2027-01-01 is a Friday.
    expect(computeNextCron('0 9 * * 1', at('2027-01-01T00:00:00Z'))).toBe(at('2027-01-03T09:00:00Z'));
    expect(computeNextCron('0 9 * * SAT', at('2027-01-01T00:00:00Z'))).toBe(at('2027-01-02T09:00:00Z'));
    // The 13th that is a Friday (= 6): August 2027.
    expect(computeNextCron('0 0 13 * 6', at('2027-01-01T00:00:00Z'))).toBe(at('2027-08-13T00:00:00Z'));
  });
});
