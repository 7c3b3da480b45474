/**
 * Resonate Inspector on the command line, on the same core as the page.
 *   npm run inspect -- [--json] [FILE...]      (standard input when no file)
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../core/catalog/parse-catalog';
import type { Catalog } from '../core/catalog/catalog-types';
import { decode } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { formatFindingsText, toJsonFinding } from './format';

type Options = { json: boolean; files: string[] };

const USAGE = `Usage: npm run inspect -- [--json] [FILE...]
Reads each FILE (or standard input) and prints every Resonate error, envelope or trace found in it.
  --json   one JSON line per input: {"file": "...", "findings": [...]}
  --help   this text`;

export function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const options: Options = { json: false, files: [] };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else options.files.push(arg);
  }
  return options;
}

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
    if (args.json) console.log(JSON.stringify({ file: input.file, findings: findings.map(toJsonFinding) }));
    else console.log(formatFindingsText(input.file, findings, inputs.length > 1));
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
