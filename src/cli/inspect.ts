/**
 * Resonate Inspector on the command line, on the same core as the page: `resonate-inspector [options] [FILE...]`
 * (standard input when no file; see USAGE). In the repository: `npm run inspect -- …`.
 */
import type { Catalog } from '../core/catalog/catalog-types';
import { decode } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { USAGE, conflictOf, parseArgs, type Options } from './args';
import { followChunks, growingFile } from './follow-input';
import { createFollower, type FollowEvent } from './follow';
import { formatFindingText, formatFindingsText, formatReports, toJsonFinding, toJsonReport } from './format';
import { githubAnnotation } from './github-annotations';
import catalogJson from '../../public/catalog.json' with { type: 'json' };
import { decodeStream } from './decode-stream';
import { readInput, readStdin } from './read-input';
import { BinaryInputError, openInput, progressLine, textOnly } from './stream-input';
import { failsOn } from './severity';

const NAME = 'resonate-inspector';
const STDIN = '<stdin>';
/** Spans kept per finding in a streamed input; counts stay exact. */
const MAX_SPANS = 1000;

function printInput(args: Options, catalog: Catalog, file: string, text: string, withFile: boolean): Finding[] {
  return printFindings(args, catalog, file, decode(text, catalog), withFile, text);
}

function printFindings(args: Options, catalog: Catalog, file: string, findings: Finding[], withFile: boolean, text = ''): Finding[] {
  const report = args.report;
  const reportOptions = { appUrl: args.appUrl, includePayloads: args.includePayloads, pastedText: text };
  if (args.format === 'github') {
    for (const f of findings) console.log(githubAnnotation(f, file === STDIN ? null : file));
  } else if (args.json) {
    const json = findings.map((f) => (report ? { ...toJsonFinding(f), report: toJsonReport(report, f, catalog, reportOptions) } : toJsonFinding(f)));
    console.log(JSON.stringify({ file, findings: json }));
  } else if (report) {
    const out = formatReports(report, file, findings, catalog, reportOptions, withFile);
    if (out.text !== '') console.log(out.text);
    for (const note of out.notes) console.error(`${NAME}: ${note}`);
  } else console.log(formatFindingsText(file, findings, withFile));
  return findings;
}

/** `--follow`: one input that stays open; each finding printed once its text is complete. */
async function follow(args: Options, catalog: Catalog): Promise<number> {
  const file = args.files[0] === undefined || args.files[0] === '-' ? STDIN : args.files[0];
  if (file !== STDIN) {
    const checked = readInput(file);
    if ('error' in checked) return cannotRead(args, checked);
  }
  const follower = createFollower(catalog);
  let shown = 0;
  const print = (events: FollowEvent[]) => {
    for (const { finding: f, repeat } of events) {
      if (args.json) console.log(JSON.stringify({ file, ...toJsonFinding(f), repeat }));
      else if (repeat) console.log(`${args.format === 'github' ? `${NAME}: ` : '   '}again: ${f.title} (×${f.count})`);
      else if (args.format === 'github') console.log(githubAnnotation(f, file === STDIN ? null : file));
      else console.log(formatFindingText(f, ++shown));
    }
  };
  const stop = new AbortController();
  // Ctrl+C ends the reading, not the process: what was read is still printed, and the exit status set.
  const onSignal = () => {
    stop.abort();
    if (file === STDIN) process.stdin.destroy();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const chunks = file === STDIN ? process.stdin : growingFile(file, stop.signal);
  const ended = await followChunks(chunks, {
    onText: (text) => print(follower.push(text)),
    onQuiet: () => print(follower.flush()),
    onBinary: () => undefined,
  }).catch((e: unknown) => {
    if (stop.signal.aborted) return 'end' as const;
    throw e;
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (ended === 'binary') return cannotRead(args, { file, error: `${file === STDIN ? 'is' : 'became'} binary, not a text log` });
  print(follower.flush(true));
  return failsOn(follower.findings, args.failOn) ? 1 : 0;
}

function cannotRead(args: Options, input: { file: string; error: string }): number {
  if (args.json) console.log(JSON.stringify({ file: input.file, error: input.error, findings: [] }));
  else console.error(`${NAME}: cannot read ${input.file}: ${input.error}`);
  return 2;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const problem = 'error' in args ? args.error : conflictOf(args);
  if (problem !== null || 'error' in args) {
    console.error(`${NAME}: ${problem}\n${USAGE}`);
    return 2;
  }
  const { catalog } = await import('../package/catalog');
  if (args.follow) return follow(args, catalog);
  const files = args.files.length === 0 ? ['-'] : args.files;
  let unreadable = false;
  const all: Finding[] = [];
  for (const file of files) {
    // Reports quote the paste, so they read it whole; everything else streams, in bounded memory, on every core.
    const found = args.report ? await wholeInput(args, catalog, file, files.length > 1) : await streamedInput(args, catalog, file, files.length > 1);
    if (found === null) unreadable = true;
    else all.push(...found);
  }
  if (unreadable) return 2;
  return failsOn(all, args.failOn) ? 1 : 0;
}

/** `--report`: the input read whole (a report quotes it). Null when it cannot be read. */
function wholeInput(args: Options, catalog: Catalog, file: string, withFile: boolean): Promise<Finding[] | null> {
  return (file === '-' ? readStdin(process.stdin) : Promise.resolve(readInput(file))).then((input) => {
    if ('error' in input) {
      cannotRead(args, input);
      return null;
    }
    return printInput(args, catalog, input.file, input.text, withFile);
  });
}

/** Any other run: the input streamed through decodeStream, with a progress line on a terminal. Null when unreadable. */
async function streamedInput(args: Options, catalog: Catalog, file: string, withFile: boolean): Promise<Finding[] | null> {
  const input = file === '-' ? { file: STDIN, size: null, bytes: process.stdin } : openInput(file);
  if ('error' in input) {
    cannotRead(args, input);
    return null;
  }
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let lastDrawn = 0;
  let findings: Finding[];
  try {
    findings = await decodeStream(textOnly(input.bytes), catalog, {
      workers: args.jobs === 1 ? 0 : 'auto',
      ...(args.jobs !== null ? { poolSize: args.jobs } : {}),
      expectedBytes: input.size,
      catalogJson,
      maxSpans: MAX_SPANS,
      onProgress: (p) => {
        const now = performance.now();
        if (!tty || now - lastDrawn < 200) return;
        lastDrawn = now;
        process.stderr.write(`\r\u001b[2K${progressLine(p, input.size, now - started)}`);
      },
    });
  } catch (e) {
    if (tty && lastDrawn > 0) process.stderr.write('\r\u001b[2K');
    cannotRead(args, { file: input.file, error: e instanceof BinaryInputError ? (input.file === STDIN ? 'is binary, not a text log' : 'is a binary file, not a text log') : e instanceof Error ? e.message : String(e) });
    return null;
  }
  if (tty && lastDrawn > 0) process.stderr.write('\r\u001b[2K');
  printFindings(args, catalog, input.file, findings, withFile);
  return findings;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`${NAME}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
