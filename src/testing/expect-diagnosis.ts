import type { Finding } from '../core/decode/finding';

/** What a fixture line expects of the first finding (../shared/fixtures, ../shared/captures, src/testing/corpus). */
export type ExpectedDiagnosis = {
  source: string;
  status?: number | null;
  code?: string | null;
  kind?: string | null;
  message?: string | null;
  name?: string | null;
  retry: string;
};

/** How the first finding differs from what is expected, field by field (empty when it agrees). */
export function diagnosisMismatches(f: Finding | undefined, e: ExpectedDiagnosis): string[] {
  // Not Resonate: saying nothing, or saying "not a Resonate error", are both right.
  if (e.source === 'unknown') return !f || f.source === 'unknown' ? [] : [`source: got ${JSON.stringify(f.source)}, want "unknown"`];
  if (!f) return ['no finding'];
  const out: string[] = [];
  const want = (field: string, got: unknown, expected: unknown) => {
    if (got !== expected) out.push(`${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  };
  // An SDK error that wraps a server error answers for both sources (a Python 100.40400 is a legacy 40400).
  if (f.source !== e.source && f.wraps?.source !== e.source) want('source', f.source, e.source);
  if (e.code !== undefined) want('code', f.code, e.code);
  if (e.status !== undefined) want('status', f.status, e.status);
  if (e.kind !== undefined) want('kind', f.kind, e.kind === 'promises.get' ? 'promise.get' : e.kind);
  // A real paste's message is judged by what it starts with (a URL or a details block may follow).
  if (e.message !== undefined && !(e.message !== null && f.message?.startsWith(e.message))) want('message', f.message, e.message);
  if (e.name !== undefined) want('name', f.name, e.name);
  const success = e.message === null && (e.status ?? 0) < 400;
  // The fixtures say "safe" for a plain success; the product's contract says there is nothing to retry.
  want('retry', f.retry, success && e.retry === 'safe' ? 'n/a' : e.retry);
  want('error', f.error, !success);
  if (f.entry === null) out.push('no catalog entry');
  return out;
}
