/**
 * Resonate Inspector on the command line, on the same core as the page.
 *   npm run inspect -- [--json] [--report github|discord|markdown] [FILE...]      (standard input when no file)
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../core/catalog/parse-catalog';
import type { Catalog } from '../core/catalog/catalog-types';
import { decode } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { USAGE, parseArgs } from './args';
import { formatFindingsText, formatReports, toJsonFinding, toJsonReport } from './format';

function loadCatalog(): Catalog {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = resolve(here, '../../public/catalog.json');
  const parsed = parseCatalog(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`The catalog at ${path} is invalid: ${parsed.error}`);
  return parsed.catalog;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in args) {
    console.error(`inspect: ${args.error}\n${USAGE}`);
    return 2;
  }
  const catalog = loadCatalog();
  const inputs: Array<{ file: string; text: string | null; error?: string }> = [];
  if (args.files.length === 0) inputs.push({ file: '<stdin>', text: await readStdin() });
  for (const file of args.files) {
    try {
      inputs.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      inputs.push({ file, text: null, error: e instanceof Error ? e.message : String(e) });
    }
  }
  let status = 0;
  for (const input of inputs) {
    if (input.text === null) {
      status = 1;
      if (args.json) console.log(JSON.stringify({ file: input.file, error: input.error, findings: [] }));
      else console.error(`inspect: cannot read ${input.file}: ${input.error}`);
      continue;
    }
    const findings: Finding[] = decode(input.text, catalog);
    const report = args.report;
    const reportOptions = { appUrl: args.appUrl, includePayloads: args.includePayloads, pastedText: input.text };
    if (args.json) {
      const json = findings.map((f) => (report ? { ...toJsonFinding(f), report: toJsonReport(report, f, catalog, reportOptions) } : toJsonFinding(f)));
      console.log(JSON.stringify({ file: input.file, findings: json }));
    } else if (report) {
      const { text, notes } = formatReports(report, input.file, findings, catalog, reportOptions, inputs.length > 1);
      if (text !== '') console.log(text);
      for (const note of notes) console.error(`inspect: ${note}`);
    } else console.log(formatFindingsText(input.file, findings, inputs.length > 1));
  }
  return status;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`inspect: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
