import type { Finding } from '../core/decode/finding';
import { severityOf } from './severity';

/** GitHub Actions workflow commands: `%`, CR and LF escaped in the message; `:` and `,` too in properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const RETRY_TEXT: Record<Finding['retry'], string> = {
  safe: 'safe to retry',
  'with-backoff': 'retry with backoff',
  'after-fix': 'do not retry until fixed',
  never: 'never retry this request',
  'n/a': 'nothing to retry',
};

/**
 * One finding as a GitHub Actions annotation (`::error file=…,line=…,title=…::…`): a Resonate error as an error,
 * a warning as a warning, anything else (a success, another product's error) as a notice. `file` is left out for
 * standard input.
 */
export function githubAnnotation(f: Finding, file: string | null): string {
  const severity = severityOf(f) ?? 'notice';
  const code = f.code ?? (f.status !== null ? String(f.status) : null);
  const title = `Resonate${code ? ` ${code}` : ''}: ${f.title}${f.count > 1 ? ` (×${f.count})` : ''}`;
  const props = [
    ...(file ? [`file=${escapeProperty(file)}`, `line=${f.span.startLine}`, `endLine=${f.span.endLine}`] : []),
    `title=${escapeProperty(title)}`,
  ];
  const lines = [
    f.message ? f.message.split('\n')[0] ?? '' : f.summary,
    `Cause: ${f.cause}`,
    `Retry: ${RETRY_TEXT[f.retry]}. ${f.retryReason}`,
    ...(f.steps[0] ? [`Next: ${f.steps[0]}`] : []),
    ...(f.entry ? [`Catalog entry: ${f.entry}`] : []),
  ];
  return `::${severity} ${props.join(',')}::${escapeData(lines.join('\n'))}`;
}
