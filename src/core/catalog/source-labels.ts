import type { Source } from './catalog-types';

/** How the page and the reports name each source. */
const SOURCE_LABELS: Record<Source, string> = {
  server: 'Resonate server',
  'legacy-server': 'Legacy Go server',
  'python-sdk': 'Python SDK',
  'ts-sdk': 'TypeScript SDK',
  unknown: 'Not Resonate',
};

export function sourceLabel(source: Source): string {
  return SOURCE_LABELS[source];
}
