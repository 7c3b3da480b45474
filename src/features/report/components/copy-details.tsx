import { useId } from 'react';
import type { Redaction } from '../../../core/report/redact';
import { RedactionList } from './redaction-list';

/** A text that was just copied (or that the browser refused to copy). */
export type Copied = {
  /** "Discord message", "Markdown report". */
  what: string;
  text: string;
  copied: boolean;
  redactions: readonly Redaction[];
  /** A sentence about shortening, when the text was cut to fit. */
  shortened?: string;
  /** Show the text at once (a short message), rather than behind a disclosure. */
  preview?: boolean;
};

/**
 * What a copy took with it: the redaction list and the text itself (open when the copy failed, so that it can be
 * selected by hand). The status sentence is the caller's, in its live region.
 */
export function CopyDetails({ result, onHide }: { result: Copied; onHide: () => void }) {
  const id = useId();
  return (
    <div className="copy-details">
      <p className="copy-details-title" id={`${id}-redacted`}>
        Redacted from the {result.what}:
      </p>
      <RedactionList redactions={result.redactions} labelledBy={`${id}-redacted`} />
      {result.shortened && <p className="copy-details-note">{result.shortened}</p>}
      <details className="report-preview" open={!result.copied || result.preview === true}>
        <summary>{result.copied ? `The ${result.what} you copied` : `The ${result.what}: select it and copy it`}</summary>
        <pre tabIndex={0}>{result.text}</pre>
      </details>
      <button type="button" className="plain-button copy-details-hide" onClick={onHide}>
        Hide<span className="visually-hidden"> the {result.what}</span>
      </button>
    </div>
  );
}
