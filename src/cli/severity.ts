import type { Finding } from '../core/decode/finding';

/** What `--fail-on` fails on: Resonate errors, or Resonate errors and warnings; `never` keeps the exit status 0. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * How serious a finding is for a pipeline: a Resonate error, a warning (a Resonate warning, or a stop such as
 * Ctrl+C), or null for a success and for an error that is not Resonate's.
 */
export function severityOf(f: Finding): 'error' | 'warning' | null {
  if (f.source === 'unknown') return null;
  if (f.warning || f.incidental) return 'warning';
  return f.error ? 'error' : null;
}

/** Whether these findings fail the run under `--fail-on`. */
export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => {
    const s = severityOf(f);
    return s === 'error' || (s === 'warning' && failOn === 'warning');
  });
}
