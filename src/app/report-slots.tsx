import type { Catalog } from '../core/catalog/catalog-types';
import type { InspectorPageProps } from '../features/inspect/components/inspector-page';
import { Suspense } from 'react';
import { CopyAllMarkdown } from './lazy-parts';

type AboveSlots = Pick<InspectorPageProps, 'renderAbove'>;

/** Adds "Copy all as Markdown" above the cards of a paste, before what other features put there. */
export function withReportAll<S extends AboveSlots>(slots: S, catalog: Catalog): S & Required<AboveSlots> {
  const above = slots.renderAbove;
  return {
    ...slots,
    renderAbove: (findings, text) => (
      <>
        <Suspense fallback={null}>
          <CopyAllMarkdown findings={findings} catalog={catalog} pastedText={text} />
        </Suspense>
        {above?.(findings, text)}
      </>
    ),
  };
}
