import type { ReactNode } from 'react';
import { DiagnosisSection } from '../../../components/diagnosis-section';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import type { PasteText } from '../../../core/text/paste-text';
import { statusText } from '../decode-session';
import { useLogDecode } from '../use-log-decode';
import { DecodeProgress } from './decode-progress';
import { TriageSummary } from './triage-summary';
import '../triage.css';

type LogTriageProps = {
  /** The log: a string, or a long file's pieces. */
  text: PasteText;
  /** The file the text was read from, if it was: the worker reads it itself. */
  file?: Blob | null;
  catalog: Catalog;
  /** The inspector's finding card (with the app's actions), for the findings shown under the summary. */
  renderCard: (finding: Finding) => ReactNode;
};

/**
 * The diagnosis of a long log: decoded in a Web Worker with a progress bar and Cancel, the summary streaming
 * in as the worker reads, then the final groups with the log's times. Takes the place of the inspector's results.
 */
export function LogTriage({ text, file = null, catalog, renderCard }: LogTriageProps) {
  const { state, cancel, restart } = useLogDecode(text, catalog, file);
  const running = state.status === 'running';
  const findings = state.status === 'error' ? [] : state.findings;

  return (
    <DiagnosisSection className={`results${running ? ' results-running' : ''}`} busy={running} status={statusText(state)}>
      {running && <DecodeProgress done={state.done} total={state.total} chars={text.length} onCancel={cancel} />}
      {state.status === 'cancelled' && (
        <p className="decode-note">
          The summary covers only the part of the log that was read.{' '}
          <button type="button" className="button button-quiet button-small" onClick={restart}>
            Decode the whole log
          </button>
        </p>
      )}
      {state.status === 'error' && (
        <div className="callout callout-error" role="alert">
          <p>
            The decoder stopped on this log ({state.error}). This is a bug in the inspector, not in your log.{' '}
            <button type="button" className="button button-quiet button-small" onClick={restart}>
              Try again
            </button>
          </p>
        </div>
      )}
      {state.status === 'done' && findings.length === 0 && (
        <div className="nothing">
          <p>
            No Resonate server response, resonate-sdk traceback or @resonatehq/sdk error was found in this log. The inspector
            reads JSON envelopes, Python tracebacks and TypeScript stacks, with or without log prefixes.
          </p>
        </div>
      )}
      {state.status !== 'error' && findings.length > 0 && (
        <TriageSummary
          findings={findings}
          groups={state.groups}
          text={text}
          catalogVersion={catalog.version}
          mode="log"
          provisional={running}
          renderCard={renderCard}
        />
      )}
    </DiagnosisSection>
  );
}
