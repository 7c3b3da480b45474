/** The inspect CLI's arguments. */

export const REPORT_KINDS = ['github', 'discord', 'markdown'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type Options = {
  json: boolean;
  files: string[];
  /** Print a report per finding instead of the summary. */
  report: ReportKind | null;
  /** Where the inspector is served, for links to catalog entries in reports. */
  appUrl: string | null;
  /** Keep promise payloads in reports (secrets are always redacted). */
  includePayloads: boolean;
};

export const USAGE = `Usage: npm run inspect -- [--json] [--report github|discord|markdown] [FILE...]
Reads each FILE (or standard input) and prints every Resonate error, envelope or trace found in it.
  --json                one JSON line per input: {"file": "...", "findings": [...]}
  --report KIND         print a report for each finding instead of the summary (secrets redacted):
                          github    the prefilled new-issue URL (one line per finding)
                          discord   a message of at most 2,000 characters
                          markdown  a Markdown report of every finding
                        with --json, each finding gets a "report" field instead
  --app-url URL         where the inspector is served: reports link to URL#/e/<entry id>
  --include-payloads    keep promise payloads (param.data, value.data) in reports
  --help                this text`;

const isReportKind = (v: string): v is ReportKind => (REPORT_KINDS as readonly string[]).includes(v);

export function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const options: Options = { json: false, files: [], report: null, appUrl: null, includePayloads: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === '--json') options.json = true;
    else if (name === '--help' || name === '-h') return 'help';
    else if (name === '--include-payloads') options.includePayloads = true;
    else if (name === '--report') {
      const kind = value();
      if (kind === undefined || !isReportKind(kind)) return { error: `--report takes one of ${REPORT_KINDS.join(', ')}` };
      options.report = kind;
    } else if (name === '--app-url') {
      const url = value();
      if (url === undefined || !/^https?:\/\/\S+$/.test(url)) return { error: '--app-url takes an http(s) URL' };
      options.appUrl = url;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else options.files.push(arg);
  }
  return options;
}
