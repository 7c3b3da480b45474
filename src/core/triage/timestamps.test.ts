import { describe, expect, it } from 'vitest';
import { formatLogTime, parseDateTime, readLogTime, splitLogLines, timeOfSpan, timeRange, timesOfFinding } from './timestamps';

const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('readLogTime', () => {
  it.each([
    ['ISO 8601 with Z', '2026-11-25T02:56:10.741Z INFO worker started', utc(2026, 11, 25, 2, 56, 10, 741), true],
    ["GitHub Actions' 7-digit fraction", '2025-11-25T10:15:02.1234567Z ##[error]Process completed', utc(2025, 11, 25, 10, 15, 2, 123), true],
    ['an offset', '2026-11-25T03:56:10+01:00 ERROR x', utc(2026, 11, 25, 2, 56, 10), true],
    ['Python logging asctime', '2026-11-25 02:56:10,741 WARNING [resonate.stores.remote] Networking.', utc(2026, 11, 25, 2, 56, 10, 741), false],
    ['bracketed (the SDK context logger)', '[2026-11-25 10:15:02] [ERROR] [cid] [id] RuntimeError. Function f() failed', utc(2026, 11, 25, 10, 15, 2), false],
    ["Go's log package", '2026/11/25 02:56:10 heartbeat ok', utc(2026, 11, 25, 2, 56, 10), false],
    ['slog text (logfmt)', 'time=2026-11-25T02:56:10.741Z level=ERROR msg="store error"', utc(2026, 11, 25, 2, 56, 10, 741), true],
    ['logrus (quoted logfmt)', 'time="2026-11-25T02:56:10-05:00" level=error msg=boom', utc(2026, 11, 25, 7, 56, 10), true],
    ['Rust tracing', '2026-11-25T02:56:10.741234Z ERROR resonate::server::http: request failed', utc(2026, 11, 25, 2, 56, 10, 741), true],
    ['Rust env_logger', '[2026-11-25T02:56:10Z ERROR resonate] boom', utc(2026, 11, 25, 2, 56, 10), true],
    ['a JSON "timestamp"', '{"timestamp":"2026-11-25T02:57:46.758Z","level":"error","msg":"Panic."}', utc(2026, 11, 25, 2, 57, 46, 758), true],
    ['a JSON "asctime"', '{"asctime": "2025-11-25 10:15:02,117", "levelname": "ERROR"}', utc(2025, 11, 25, 10, 15, 2, 117), false],
    ['a JSON epoch in seconds ("ts", zap)', '{"level":"error","ts":1764039370.5,"msg":"x"}', 1764039370500, true],
    ['a JSON epoch in ms ("time", pino)', '{"level":50,"time":1764039370123,"msg":"x"}', 1764039370123, true],
    ['escaped JSON inside a log line', 'stdout: {\\"timestamp\\":\\"2026-11-25T02:56:10Z\\",\\"level\\":\\"warn\\"}', utc(2026, 11, 25, 2, 56, 10), true],
    ["after a collector's prefix", 'worker-1  | 2026-11-25 02:56:10,741 INFO x', utc(2026, 11, 25, 2, 56, 10, 741), false],
    ['a zone word', '2026-11-25 02:56:10 UTC boom', utc(2026, 11, 25, 2, 56, 10), true],
  ])('reads %s', (_name, line, ms, zoned) => {
    const t = readLogTime(line);
    expect(t?.ms).toBe(ms);
    expect(t?.zoned).toBe(zoned);
  });

  it.each([
    ['a date without a time (a protocol version)', '"version":"2026-04-01"'],
    ['an impossible month', '2026-13-01 10:00:00 x'],
    ['an impossible day', '2026-02-31 10:00:00 x'],
    ['an impossible hour', '2026-02-01 24:00:00 x'],
    ['a duration in a "time" field', '{"time":"12ms","msg":"x"}'],
    ['a small number in a "ts" field', '{"ts": 42}'],
    ['a date deep inside a long line', `${'x'.repeat(300)} 2026-11-25 02:56:10`],
    ['nothing', 'Traceback (most recent call last):'],
    ['an empty line', ''],
  ])('finds no time in %s', (_name, line) => {
    expect(readLogTime(line)).toBeNull();
  });

  it('keeps the text as the log wrote it', () => {
    expect(readLogTime('2026-11-25 02:56:10,741 INFO x')?.text).toBe('2026-11-25 02:56:10,741');
    expect(parseDateTime('at 2026-11-25T02:56:10Z')?.text).toBe('2026-11-25T02:56:10Z');
  });
});

describe('timeOfSpan', () => {
  const lines = splitLogLines(
    [
      '2026-11-25 02:56:10,741 ERROR [orders.worker] task failed', // 1
      'Traceback (most recent call last):', // 2
      '  File "x.py", line 1, in f', // 3
      'ValueError: x', // 4
      '2026-11-25 02:56:12,000 INFO [w] ok', // 5
      '{"kind":"promise.get","head":{"status":404},"data":"Promise not found","timestamp":"2026-11-25T02:56:13Z"}', // 6
      'no time here', // 7
      'no time either', // 8
      'nor here', // 9
      'nor here', // 10
      'Error: boom', // 11
    ].join('\r\n'),
  );

  it("reads the span's own line first", () => {
    expect(timeOfSpan(lines, { startLine: 6, endLine: 6 })?.text).toBe('2026-11-25T02:56:13Z');
  });

  it('reads the log record a traceback follows', () => {
    expect(timeOfSpan(lines, { startLine: 2, endLine: 4 })?.text).toBe('2026-11-25 02:56:10,741');
  });

  it('gives the first and last time a finding was seen', () => {
    const { first, last } = timesOfFinding(lines, { spans: [{ startLine: 6, endLine: 6 }, { startLine: 2, endLine: 4 }, { startLine: 11, endLine: 11 }] });
    expect(first?.text).toBe('2026-11-25 02:56:10,741');
    expect(last?.text).toBe('2026-11-25T02:56:13Z');
  });

  it('gives null when no timestamp is near', () => {
    expect(timeOfSpan(lines, { startLine: 11, endLine: 11 })).toBeNull();
    expect(timeOfSpan(lines, { startLine: 99, endLine: 120 })).toBeNull();
  });
});

describe('timeRange and formatLogTime', () => {
  it('finds the earliest and latest, skipping unknown times', () => {
    const a = readLogTime('2026-11-25T02:56:10Z');
    const b = readLogTime('2026-11-25T01:00:00Z');
    const { first, last } = timeRange([a, null, b]);
    expect(first).toBe(b);
    expect(last).toBe(a);
    expect(timeRange([null])).toEqual({ first: null, last: null });
  });

  it('writes zoned times in UTC with Z and local times as written', () => {
    const zoned = readLogTime('2026-11-25T03:56:10.500+01:00');
    const local = readLogTime('2026-11-25 02:56:10,741');
    expect(zoned && formatLogTime(zoned)).toBe('2026-11-25 02:56:10.500Z');
    expect(local && formatLogTime(local)).toBe('2026-11-25 02:56:10.741');
    expect(local && formatLogTime(local, { iso: true })).toBe('2026-11-25T02:56:10.741');
  });
});
