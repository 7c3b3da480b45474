/**
 * Deterministic "real-looking" logs for benchmarks and tests: the shared fixtures' pasted inputs interleaved with
 * the noise a worker or server prints (INFO lines in the Python, Go, Rust and TS SDK log formats, JSON log lines).
 * Pure TypeScript: the bench script, the core tests and the e2e tests can all use it.
 */

export type MixedLogOptions = {
  /** The pasted inputs to sprinkle into the log (e.g. every `input` of ../shared/fixtures/*.jsonl). */
  samples: readonly string[];
  /** Approximate size of the log, in characters. */
  targetChars: number;
  /** Seed of the pseudo-random generator: the same seed gives the same log. */
  seed?: number;
  /** Probability that a record is one of the samples rather than noise (default 0.02). */
  errorRate?: number;
  /** Start of the log's clock, in ms since the epoch (default 2026-11-25T02:00:00Z). */
  startMs?: number;
};

export type MixedLog = {
  text: string;
  /** How many samples were inserted. */
  samplesInserted: number;
  /** The 1-based line ranges where each inserted sample sits, in order. */
  sampleSpans: Array<{ startLine: number; endLine: number; sample: number }>;
};

/** mulberry32: a tiny, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-11-25 02:56:10,741` (Python logging's asctime). */
function asctimeOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())},${pad(d.getUTCMilliseconds(), 3)}`;
}

/** `2026/11/25 02:56:10` (Go's standard log package). */
function goLogOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const KINDS = ['promise.get', 'promise.create', 'promise.settle', 'task.acquire', 'task.fulfill', 'task.heartbeat', 'schedule.get'];
const WORDS = ['order', 'invoice', 'shipment', 'refund', 'approval', 'payment', 'signup', 'report'];

function noiseLine(rand: () => number, ms: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const id = `${pick(WORDS)}-${Math.floor(rand() * 100000)}`;
  const dur = Math.floor(rand() * 250);
  switch (Math.floor(rand() * 7)) {
    case 0:
      return `${asctimeOf(ms)} INFO [orders.worker] processed ${id} in ${dur}ms`;
    case 1:
      return `time=${isoOf(ms)} level=INFO msg="task acquired" id=${id} counter=${dur % 7} duration=${dur}ms`;
    case 2:
      return `${isoOf(ms).replace('Z', `${pad(dur, 3)}Z`)}  INFO resonate::server::http: request kind=${pick(KINDS)} status=200 duration_ms=${dur}`;
    case 3:
      return JSON.stringify({ timestamp: isoOf(ms), level: 'info', msg: 'task completed', component: 'resonate', id, durationMs: dur });
    case 4:
      return `${goLogOf(ms)} heartbeat ok for ${dur % 9} tasks`;
    case 5:
      return `[${asctimeOf(ms).slice(0, 19)}] [INFO] [${id}] [${id}.1] step ${dur % 5} done`;
    default:
      return `${asctimeOf(ms)} DEBUG [urllib3.connectionpool] http://localhost:8001 "POST / HTTP/1.1" 200 ${dur * 7}`;
  }
}

/** Builds a log of about `targetChars` characters. */
export function generateMixedLog(options: MixedLogOptions): MixedLog {
  const { samples, targetChars } = options;
  const rand = prng(options.seed ?? 42);
  const errorRate = options.errorRate ?? 0.02;
  let ms = options.startMs ?? Date.UTC(2026, 10, 25, 2, 0, 0);
  const parts: string[] = [];
  const sampleSpans: MixedLog['sampleSpans'] = [];
  let size = 0;
  let line = 1;
  const push = (s: string) => {
    parts.push(s);
    size += s.length + 1;
    line += s.split('\n').length;
  };
  while (size < targetChars) {
    ms += Math.floor(rand() * 400);
    if (samples.length > 0 && rand() < errorRate) {
      const sample = Math.floor(rand() * samples.length);
      const text = (samples[sample] ?? '').replace(/\r?\n$/, '');
      push(`${asctimeOf(ms)} ERROR [orders.worker] unexpected failure, details follow`);
      const startLine = line;
      push(text);
      sampleSpans.push({ startLine, endLine: line - 1, sample });
      push('');
      continue;
    }
    push(noiseLine(rand, ms));
  }
  return { text: parts.join('\n'), samplesInserted: sampleSpans.length, sampleSpans };
}
