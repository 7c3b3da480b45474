import { useCallback, type ReactNode } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { findEntry } from '../../../core/catalog/parse-catalog';
import { isBlank, type PasteText } from '../../../core/text/paste-text';
import { DiagnosisSection } from '../../../components/diagnosis-section';
import { useDiagnosis } from '../use-diagnosis';
import { FindingCard } from './finding-card';
import { PasteArea } from './paste-area';
import { Results } from './results';

/** What the inspector lends to the view of a long log: its finding card, with the app's actions. */
export type LogSlots = {
  renderCard: (finding: Finding) => ReactNode;
  /** The file the text was read from, when it was. */
  file: Blob | null;
};

export type InspectorPageProps = {
  /** Null while the catalog is still loading: the paste area works, and the diagnosis waits for it. */
  catalog: Catalog | null;
  /** The paste, owned by the app so it survives a visit to an entry page (a long file's text stays in pieces). */
  text: PasteText;
  /** The file `text` was read from ("Open file…", a drop), if it was. */
  file?: Blob | null;
  onTextChange: (text: PasteText, file?: Blob) => void;
  /** Filled by the app with other features' UI (report and replay actions, the triage summary). */
  renderActions?: (finding: Finding) => ReactNode;
  /** Above the cards; `text` is the text the findings were read from. */
  renderAbove?: (findings: Finding[], text: string) => ReactNode;
  /**
   * A long log's own view (the triage feature decodes it off the main thread). When it returns something other
   * than null for this text, that takes the place of the diagnosis, and the page does not decode the text itself.
   */
  renderLog?: (text: PasteText, slots: LogSlots) => ReactNode;
};

/** Paste on the left, diagnosis on the right, updated as you type (decoded in a worker, so typing stays smooth). */
export function InspectorPage({ catalog, text, file = null, onTextChange, renderActions, renderAbove, renderLog }: InspectorPageProps) {
  const renderCard = useCallback(
    (finding: Finding) => (
      <FindingCard
        finding={finding}
        entry={finding.entry && catalog ? findEntry(catalog, finding.entry) : undefined}
        actions={renderActions?.(finding)}
      />
    ),
    [catalog, renderActions],
  );
  const log = renderLog && catalog ? renderLog(text, { renderCard, file }) : null;
  const isLog = log !== null && log !== undefined;
  // Every paste is decoded in a worker; the cards shown are those of `diagnosedText` until it answers. A text in
  // pieces is a long file's, always a log (it waits for the catalog and the log view).
  const pasted = typeof text === 'string' ? text : '';
  const { text: diagnosedText, diagnosis } = useDiagnosis(pasted, catalog, !isLog && typeof text === 'string');

  return (
    <div className="inspector-page">
      <div className="page-intro">
        <h1 tabIndex={-1}>Decode a Resonate error</h1>
        <p className="lede">
          What happened, the likely cause, and whether a retry is safe — for server responses, Python tracebacks and
          TypeScript stacks.
        </p>
      </div>
      <div className="inspector">
        <PasteArea value={text} onChange={onTextChange} />
        {isLog ? (
          log
        ) : !catalog ? (
          <DiagnosisSection className="results results-stale" busy status={isBlank(text) ? 'Loading the catalog…' : 'Loading the catalog; your paste is diagnosed as soon as it arrives.'}>
            <p className="catalog-loading">Loading the catalog of Resonate errors…</p>
          </DiagnosisSection>
        ) : (
          <Results
            diagnosis={diagnosis}
            catalog={catalog}
            stale={diagnosedText !== pasted}
            onExample={onTextChange}
            {...(renderActions ? { renderActions } : {})}
            {...(renderAbove ? { renderAbove: (findings: Finding[]) => renderAbove(findings, diagnosedText) } : {})}
          />
        )}
      </div>
    </div>
  );
}
