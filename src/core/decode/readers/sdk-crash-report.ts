import { interpretTraceback, readTraceback } from '../python';
import type { Read, Reader } from './reader';

/** Python SDK 0.4.x `exit_on_exception` (utils.py:24-37@v0.4.12): this line, the report link, then the traceback. */
const CRASH_04 = /An unexpected error happened\.\s*$/;
/** A prefilled new-issue link of a Resonate repository (the SDKs' crash reports print one). */
const ISSUE_LINK = /https:\/\/github\.com\/resonatehq\/(?<repo>[\w.-]+)\/issues\/new\?(?<query>\S+)/;
/** The body the 0.4.x link carries starts with `Resonate (version 0.4.12) process exited with error:`. */
const BODY_VERSION = /Resonate \(version (?<version>[\w.+-]+)\)/;
/** What the catalog's crash-report entries match on (match.details). */
export const CRASH_REPORT_DETAIL = 'Resonate SDK crash report';
/** How far after the first line the traceback may start. */
const LOOKAHEAD = 8;

function issueBody(line: string): string | null {
  const m = line.includes('github.com/resonatehq/') ? ISSUE_LINK.exec(line) : null;
  if (!m?.groups?.query) return null;
  for (const pair of m.groups.query.split('&')) {
    if (!pair.startsWith('body=')) continue;
    try {
      return decodeURIComponent(pair.slice(5).replace(/\+/g, ' '));
    } catch {
      return null;
    }
  }
  return null;
}

/** The SDK (or server) a Resonate repository's issue link reports to. */
const SOURCE_OF_REPO: Record<string, Read['source']> = { 'resonate-sdk-py': 'python-sdk', 'resonate-sdk-ts': 'ts-sdk', resonate: 'server' };

function asCrash(raw: Read, version: string | undefined, source: Read['source']): Read {
  return {
    ...raw,
    // The SDK's own crash report: never "not a Resonate error", whatever the exception is.
    source: raw.source === 'unknown' ? source : raw.source,
    details: [...(raw.details ?? []), CRASH_REPORT_DETAIL],
    ...(version ? { versions: { ...raw.versions, sdk: `resonate-sdk ${version}` } } : {}),
    notes: [
      ...(raw.notes ?? []),
      "The SDK's background thread hit this error and the process exited (os._exit(1)): the SDK asked for this to be reported. Restart the worker once the cause is fixed.",
    ],
  };
}

/**
 * The SDKs' crash reports that the shutdown banner reader does not take: the Python SDK 0.4.x report
 * (`An unexpected error happened.` / `Please report this issue…` / the link / the traceback), and a prefilled
 * new-issue link pasted on its own, whose `body` holds the report (read again, nested).
 */
export const sdkCrashReportReader: Reader = {
  name: 'sdk-crash-report',
  // CRASH_04, and issueBody()'s literal test.
  markers: { texts: ['An unexpected error happened.', 'github.com/resonatehq/'] },
  start: (ctx) => ({
    read: (i, t) => {
      if (CRASH_04.test(t)) {
        let version: string | undefined;
        for (let j = i + 1; j < ctx.lines.length && j <= i + LOOKAHEAD; j++) {
          const line = ctx.lines[j]?.text ?? '';
          const body = issueBody(line);
          if (body) version ??= BODY_VERSION.exec(body)?.groups?.version;
          const tb = readTraceback(ctx.lines, j);
          if (!tb) continue;
          const raw = interpretTraceback(tb, ctx.no(i), ctx.no(tb.end));
          if (!raw) return null;
          return { raws: [asCrash({ ...raw, span: { startLine: ctx.no(i), endLine: ctx.no(tb.end) } }, version, 'python-sdk')], end: tb.end };
        }
        return null;
      }
      const body = issueBody(t);
      if (body === null) return null;
      const source = SOURCE_OF_REPO[ISSUE_LINK.exec(t)?.groups?.repo ?? ''] ?? 'unknown';
      const span = { startLine: ctx.no(i), endLine: ctx.no(i) };
      const version = BODY_VERSION.exec(body)?.groups?.version;
      const raws = ctx.readNested(body, span).map((r) => asCrash(r, version, source));
      return raws.length > 0 ? { raws, end: i } : null;
    },
  }),
};
