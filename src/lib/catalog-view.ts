import type { CatalogEntry, KindVariant, RetryAdvice } from '../core/catalog/catalog-types';

/** The per-kind variant of an entry that applies to `kind`, if any. */
export function variantFor(entry: CatalogEntry, kind: string | null): KindVariant | undefined {
  if (!kind) return undefined;
  return entry.byKind?.find((v) => v.kinds.includes(kind));
}

/** What the entry means, for this operation kind when the entry says something specific about it. */
export function summaryFor(entry: CatalogEntry, kind: string | null): string {
  return variantFor(entry, kind)?.summary ?? entry.summary;
}

export type KindRetry = { kinds: string[]; retry: RetryAdvice };

/** The per-kind retry verdicts of an entry (variants without a verdict of their own are left out). */
export function kindRetries(entry: CatalogEntry): KindRetry[] {
  return (entry.byKind ?? []).flatMap((v) => (v.retry ? [{ kinds: v.kinds, retry: v.retry }] : []));
}

/** How the decoder recognises the entry, in words; one line per rule. */
export function matchRules(entry: CatalogEntry): Array<{ label: string; value: string }> {
  const m = entry.match;
  const rules: Array<{ label: string; value: string }> = [];
  if (m.message) rules.push({ label: 'Message', value: m.message });
  if (m.pattern) rules.push({ label: 'Message pattern', value: m.pattern });
  if (m.names?.length) rules.push({ label: 'Names', value: m.names.join(', ') });
  if (m.kinds?.length) rules.push({ label: 'Operation kinds', value: m.kinds.join(', ') });
  if (m.statuses?.length) rules.push({ label: 'Statuses', value: m.statuses.join(', ') });
  if (m.promiseState?.length) rules.push({ label: 'Promise states', value: m.promiseState.join(', ') });
  if (m.fallback) rules.push({ label: 'Fallback', value: 'Used only when nothing more specific matches' });
  return rules;
}
