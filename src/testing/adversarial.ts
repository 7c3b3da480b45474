/**
 * Hostile pastes: shapes that made decoding grow with the square of their size (repeated openers that never
 * close, deep nesting with one bad token, long runs of one character, thousands of headers or frames).
 * Used by the work-counting tests (src/core/decode/linear-time.test.ts) and `npm run bench`.
 */

const repeat = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const nested = (size: number, inner: string): string => {
  const depth = Math.max(1, Math.floor((size - inner.length) / 6));
  return '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
};

export const ADVERSARIAL_SHAPES: ReadonlyArray<{ name: string; make: (size: number) => string }> = [
  { name: 'object openers {"kind":"', make: (n) => repeat('{"kind":"', n) },
  { name: "Python dict openers {'a': ", make: (n) => repeat("{'a': ", n) },
  { name: 'envelope openers, one line', make: (n) => repeat('{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":', n) },
  { name: 'envelope openers, one a line', make: (n) => repeat('{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":\n', n) },
  { name: 'unbalanced {"', make: (n) => repeat('{"', n) },
  { name: 'unbalanced [', make: (n) => repeat('[', n) },
  { name: 'unbalanced }', make: (n) => repeat('}', n) },
  { name: 'a run of {', make: (n) => repeat('{', n) },
  { name: 'a run of "', make: (n) => repeat('"', n) },
  { name: 'a run of a', make: (n) => repeat('a', n) },
  { name: 'a run of spaces', make: (n) => repeat(' ', n) },
  { name: 'a run of newlines', make: (n) => repeat('\n', n) },
  { name: 'deep nesting, one bad token', make: (n) => nested(n, 'x') },
  { name: 'deep nesting, valid', make: (n) => nested(n, '1') },
  { name: 'deep nesting, an envelope inside', make: (n) => nested(n, 'x,"e":{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"}') },
  { name: 'thousands of HTTP headers', make: (n) => `HTTP/1.1 404 Not Found\n${repeat('x-header: value\n', n - 40)}\n{"error":{"code":40400}}` },
  { name: 'thousands of Python frames', make: (n) => `Traceback (most recent call last):\n${repeat('  File "/app/x.py", line 1, in f\n    g()\n', n - 80)}resonate.errors.ResonateStoreError: [100.40400] not found` },
  { name: 'thousands of JS frames', make: (n) => `ResonateError: x\n${repeat('    at f (/app/x.js:1:1)\n', n - 20)}` },
  { name: 'code fences', make: (n) => repeat('```\n', n) },
];
