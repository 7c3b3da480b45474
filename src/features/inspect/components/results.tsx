import type { ReactNode } from 'react';
import { DiagnosisSection } from '../../../components/diagnosis-section';
import type { Finding } from '../../../core/decode/finding';
import type { Catalog } from '../../../core/catalog/catalog-types';
import { findEntry } from '../../../core/catalog/parse-catalog';
import type { Diagnosis } from '../diagnose';
import { EXAMPLES } from '../examples';
import { findingsSummary } from '../finding-view';
import { EmptyState } from './empty-state';
import { FindingCard } from './finding-card';

type ResultsProps = {
  diagnosis: Diagnosis;
  catalog: Catalog;
  /** True while the diagnosis is for an older text than the one in the paste area. */
  stale: boolean;
  onExample: (text: string) => void;
  /** Slots the app fills: actions at the foot of each card, and content above the cards (e.g. a summary). */
  renderActions?: (finding: Finding) => ReactNode;
  renderAbove?: (findings: Finding[]) => ReactNode;
};

function statusText(diagnosis: Diagnosis): string {
  switch (diagnosis.status) {
    case 'empty':
      return 'Nothing pasted yet.';
    case 'failed':
      return 'The inspector could not read this text.';
    case 'stopped':
      return diagnosis.findings.length > 0
        ? `Stopped after ${diagnosis.afterMs / 1000} s. In its first lines: ${findingsSummary(diagnosis.findings)}.`
        : `Stopped after ${diagnosis.afterMs / 1000} s, before it found anything.`;
    case 'done':
      return findingsSummary(diagnosis.findings);
  }
}

/** The diagnosis: a live summary, then one card per finding (or the empty state). */
export function Results({ diagnosis, catalog, stale, onExample, renderActions, renderAbove }: ResultsProps) {
  return (
    <DiagnosisSection className={`results${stale ? ' results-stale' : ''}`} busy={stale} status={statusText(diagnosis)}>
      {diagnosis.status === 'empty' && <EmptyState examples={EXAMPLES} onExample={onExample} />}
      {diagnosis.status === 'failed' && (
        <div className="callout callout-error" role="alert">
          <p>
            The decoder stopped on this text ({diagnosis.error}). This is a bug in the inspector, not in your paste.
          </p>
        </div>
      )}
      {diagnosis.status === 'stopped' && (
        <div className="callout callout-error" role="alert">
          <p>
            The inspector stopped reading this text after {diagnosis.afterMs / 1000} s; the page stayed usable.{' '}
            {diagnosis.readChars > 0
              ? `Below: what its first ${Math.round(diagnosis.readChars / 1024)} KB hold.`
              : 'It had found nothing yet.'}{' '}
            If this is a real log, paste the part around the error, or open it as a file.
          </p>
        </div>
      )}
      {diagnosis.status === 'done' && diagnosis.findings.length === 0 && (
        <div className="nothing">
          <p>
            The inspector looks for Resonate server responses, resonate-sdk Python tracebacks and @resonatehq/sdk
            TypeScript errors. If this text holds one, paste more of it: the whole response body, or the traceback down
            to its last line.
          </p>
        </div>
      )}
      {diagnosis.status === 'done' && diagnosis.findings.length > 0 && renderAbove?.(diagnosis.findings)}
      {(diagnosis.status === 'done' || diagnosis.status === 'stopped') && diagnosis.findings.length > 0 && (
        <ol className="findings">
          {diagnosis.findings.map((finding, i) => (
            <li key={`${i}:${finding.span.startLine}:${finding.entry ?? ''}`}>
              <FindingCard
                finding={finding}
                entry={finding.entry ? findEntry(catalog, finding.entry) : undefined}
                actions={renderActions?.(finding)}
              />
            </li>
          ))}
        </ol>
      )}
    </DiagnosisSection>
  );
}
