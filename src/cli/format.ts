import type { Finding } from '../core/decode/finding';

/** The CLI's JSON form of a finding: the contract fields first, then the details. */
export function toJsonFinding(f: Finding) {
  return {
    source: f.source,
    code: f.code,
    status: f.status,
    kind: f.kind,
    message: f.message,
    entry: f.entry,
    error: f.error,
    retry: f.retry,
    title: f.title,
    cause: f.cause,
    name: f.name,
    retryReason: f.retryReason,
    count: f.count,
    corrId: f.corrId,
    ids: f.ids,
    versions: f.versions,
    mismatch: f.mismatch,
    userFrame: f.userFrame,
    chain: f.chain,
    wraps: f.wraps,
    inferred: f.inferred,
    notes: f.notes,
    steps: f.steps,
    span: f.span,
    ...(f.rawKind ? { rawKind: f.rawKind } : {}),
    ...(f.request ? { request: f.request } : {}),
  };
}

const VERDICT_TEXT: Record<Finding['retry'], string> = {
  safe: 'yes, safe to retry',
  'with-backoff': 'yes, with backoff',
  'after-fix': 'not until you fix it',
  never: 'no, never retry this request',
  'n/a': 'nothing to retry (not an error)',
};

/** A readable summary for a terminal. */
export function formatFindingsText(file: string, findings: Finding[], withFile: boolean): string {
  const out: string[] = [];
  if (withFile) out.push(`== ${file}`);
  if (findings.length === 0) {
    out.push('No Resonate error, envelope or trace found.');
    return out.join('\n');
  }
  findings.forEach((f, i) => {
    const id = [f.source, f.code ?? (f.status !== null ? String(f.status) : null), f.kind].filter(Boolean).join(' · ');
    out.push(`${i + 1}. ${f.title}${f.count > 1 ? ` (×${f.count})` : ''}`);
    out.push(`   ${id}${f.entry ? `   [${f.entry}]` : ''}`);
    if (f.message) out.push(`   message: ${f.message.split('\n')[0]}`);
    out.push(`   what:    ${f.summary}`);
    out.push(`   cause:   ${f.cause}`);
    out.push(`   retry?   ${VERDICT_TEXT[f.retry]} — ${f.retryReason}`);
    if (f.mismatch) out.push(`   version mismatch: ${f.mismatch}`);
    if (f.userFrame) out.push(`   in your code: ${f.userFrame.file}:${f.userFrame.line ?? '?'}${f.userFrame.func ? ` (${f.userFrame.func})` : ''}`);
    f.steps.slice(0, 3).forEach((s, n) => out.push(`   ${n === 0 ? 'next:' : '     '}    ${n + 1}. ${s}`));
  });
  return out.join('\n');
}
