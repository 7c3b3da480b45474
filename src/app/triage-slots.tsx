import type { Catalog } from '../core/catalog/catalog-types';
import type { InspectorPageProps } from '../features/inspect/components/inspector-page';
import { Suspense } from 'react';
import { LogTriage, TriageSummary } from './lazy-parts';
import { LOG_MIN_CHARS } from '../features/triage/decode-session';

/**
 * The triage feature's parts of the inspector page: the summary above the cards of a paste, and, for a text
 * longer than LOG_MIN_CHARS, the view of a long log decoded in a Web Worker (with the inspector's cards).
 */
export function triageSlots(catalog: Catalog): Pick<InspectorPageProps, 'renderAbove' | 'renderLog'> {
  return {
    renderAbove: (findings, text) => (
      <Suspense fallback={null}>
        <TriageSummary findings={findings} text={text} catalogVersion={catalog.version} mode="paste" />
      </Suspense>
    ),
    renderLog: (text, { renderCard, file }) =>
      text.length > LOG_MIN_CHARS ? (
        <Suspense fallback={<p role="status">Loading the log view…</p>}>
          <LogTriage text={text} file={file} catalog={catalog} renderCard={renderCard} />
        </Suspense>
      ) : null,
  };
}
