/** The resonate-inspector command's arguments. */
import { FAIL_ON, type FailOn } from './severity';

export const REPORT_KINDS = ['github', 'discord', 'markdown'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FORMATS = ['text', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export type Options = {
  json: boolean;
  files: string[];
  /** Print a report per finding instead of the summary. */
  report: ReportKind | null;
  /** Where the inspector is served, for links to catalog entries in reports. */
  appUrl: string | null;
  /** Keep promise payloads in reports (secrets are always redacted). */
  includePayloads: boolean;
  /** Which findings make the exit status 1. */
  failOn: FailOn;
  /** `github`: GitHub Actions annotations instead of the summary. */
  format: Format;
  /** Read an input that stays open and print each finding as soon as its text is complete. */
  follow: boolean;
  /** Worker threads for a big input; null: one per core (past 8 MB). */
  jobs: number | null;
};

export const USAGE = `Usage: resonate-inspector [options] [FILE...]
Reads each FILE (or standard input) and prints every Resonate error, envelope or trace found in it.
  --json                one JSON line per input: {"file": "...", "findings": [...]};
                        with --follow, one JSON line per finding (NDJSON)
  --follow, -f          read an input that stays open (standard input, or one FILE that grows, as tail -f does)
                        and print each finding as soon as its text is complete; repeats are counted
  --fail-on LEVEL       exit status 1 when a finding is at least LEVEL: error, warning or never (the default)
  --format FORMAT       text (the default), or github: GitHub Actions annotations (::error title=…::…)
  --jobs N, -j N        decode a big input (past 8 MB) on N threads (default: one per core; 1: this thread only)
  --report KIND         print a report for each finding instead of the summary (secrets redacted):
                          github    the prefilled new-issue URL (one line per finding)
                          discord   a message of at most 2,000 characters
                          markdown  a Markdown report of every finding
                        with --json, each finding gets a "report" field instead
  --app-url URL         where the inspector is served: reports link to URL#/e/<entry id>
  --include-payloads    keep promise payloads (param.data, value.data) in reports
  --help, -h            this text
Exit status: 0; 1 when --fail-on matched a finding; 2 for a bad option or an input that could not be read.`;

const isReportKind = (v: string): v is ReportKind => (REPORT_KINDS as readonly string[]).includes(v);
const isFailOn = (v: string): v is FailOn => (FAIL_ON as readonly string[]).includes(v);
const isFormat = (v: string): v is Format => (FORMATS as readonly string[]).includes(v);

export function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const options: Options = { json: false, files: [], report: null, appUrl: null, includePayloads: false, failOn: 'never', format: 'text', follow: false, jobs: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === '--json') options.json = true;
    else if (name === '--help' || name === '-h') return 'help';
    else if (name === '--include-payloads') options.includePayloads = true;
    else if (name === '--follow' || name === '-f') options.follow = true;
    else if (name === '--fail-on') {
      const level = value();
      if (level === undefined || !isFailOn(level)) return { error: `--fail-on takes one of ${FAIL_ON.join(', ')}` };
      options.failOn = level;
    } else if (name === '--format') {
      const format = value();
      if (format === undefined || !isFormat(format)) return { error: `--format takes one of ${FORMATS.join(', ')}` };
      options.format = format;
    }
    else if (name === '--jobs' || name === '-j') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 256) return { error: '--jobs takes a whole number of threads, 1 to 256' };
      options.jobs = n;
    } else if (name === '--report') {
      const kind = value();
      if (kind === undefined || !isReportKind(kind)) return { error: `--report takes one of ${REPORT_KINDS.join(', ')}` };
      options.report = kind;
    } else if (name === '--app-url') {
      const url = value();
      if (url === undefined || !/^https?:\/\/\S+$/.test(url)) return { error: '--app-url takes an http(s) URL' };
      options.appUrl = url;
    } else if (arg === '--') {
      options.files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
    else options.files.push(arg);
  }
  return options;
}

/** Options that cannot go together, or null. */
export function conflictOf(o: Options): string | null {
  if (o.follow && o.files.length > 1) return '--follow reads one input: standard input or one FILE';
  if (o.follow && o.report) return '--follow does not make reports: drop --report, or run without --follow';
  if (o.format === 'github' && (o.json || o.report)) return '--format github prints annotations: drop --json and --report';
  return null;
}
