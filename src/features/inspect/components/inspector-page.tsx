import { useDeferredValue, useMemo, type ReactNode } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { diagnose } from '../diagnose';
import { PasteArea } from './paste-area';
import { Results } from './results';

type InspectorPageProps = {
  catalog: Catalog;
  /** The paste, owned by the app so it survives a visit to an entry page. */
  text: string;
  onTextChange: (text: string) => void;
  /** Filled by the app with other features' UI (report and replay actions, the triage summary). */
  renderActions?: (finding: Finding) => ReactNode;
  renderAbove?: (findings: Finding[]) => ReactNode;
};

/** Paste on the left, diagnosis on the right, updated as you type (deferred, so typing stays smooth). */
export function InspectorPage({ catalog, text, onTextChange, renderActions, renderAbove }: InspectorPageProps) {
  const deferredText = useDeferredValue(text);
  const diagnosis = useMemo(() => diagnose(deferredText, catalog), [deferredText, catalog]);

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
        <Results
          diagnosis={diagnosis}
          catalog={catalog}
          stale={deferredText !== text}
          onExample={onTextChange}
          {...(renderActions ? { renderActions } : {})}
          {...(renderAbove ? { renderAbove } : {})}
        />
      </div>
    </div>
  );
}
