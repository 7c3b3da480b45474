import { readTsLine } from '../javascript';
import { readPythonLine, v07ServerError } from '../python';
import type { Read, Reader } from './reader';

/**
 * resonate-sdk 0.7.x logs a failed background task as `background task failed: <str(error)>` (resonate.py:952@v0.7.4);
 * str() of its errors starts with a lower-case prefix per class (resonate/error.py@v0.7.4).
 */
const V07_TASK_FAILED = /\bbackground task failed: (?<msg>(?<prefix>server error|http error|decoding error|serialization error|application error|timeout)\b.*)$/;
const V07_CLASS: Record<string, string> = {
  'server error': 'ServerError',
  'http error': 'HttpError',
  'decoding error': 'DecodingError',
  'serialization error': 'SerializationError',
  'application error': 'ApplicationError',
  timeout: 'ResonateTimeoutError',
};

function readV07TaskFailed(text: string, line: number): Read | null {
  const m = text.includes('background task failed: ') ? V07_TASK_FAILED.exec(text) : null;
  if (!m?.groups?.msg || !m.groups.prefix) return null;
  const message = m.groups.msg.trim();
  return {
    source: 'python-sdk',
    code: null,
    ...v07ServerError(message),
    kind: null,
    message,
    name: V07_CLASS[m.groups.prefix] ?? null,
    versions: { sdk: 'resonate-sdk 0.7.x' },
    notes: ['Logged by the SDK when a background task failed (resonate-sdk 0.7.x).'],
    span: { startLine: line, endLine: line },
  };
}

/** One-line SDK texts: Python log lines and reprs, TS log lines (`Encoding. … (See https://rn8.io/e/1106 …)`), networking warnings. */
export const sdkLogLineReader: Reader = {
  name: 'sdk-log-line',
  // readPythonLine (RESONATE_STR and RESONATE_REPR: `Resonate(Store|Canceled|Timedout|Shutdown)Error`; V07_ERROR:
  // `resonate.error.`; its networking line), readV07TaskFailed, readTsLine (TS_LOG_LINE: `rn8.io/e/`; its networking
  // lines; headerAt's `ResonateError` and `ResonateTimeoutException` headers). Not `Resonate` alone: ASCII case
  // aside, it is in every `resonate::server` log line and in JSON records' `"component":"resonate"`.
  markers: {
    texts: ['ResonateStoreError', 'ResonateCanceledError', 'ResonateTimedoutError', 'ResonateShutdownError', 'ResonateError', 'ResonateTimeoutException', 'resonate.error.', 'Networking. ', 'background task failed: ', 'rn8.io/e/'],
  },
  start: (ctx) => ({
    read: (i, t) => {
      const raw = readPythonLine(t, ctx.no(i)) ?? readV07TaskFailed(t, ctx.no(i)) ?? readTsLine(t, ctx.no(i));
      return raw ? { raws: [raw], end: i } : null;
    },
  }),
};
