import type { Catalog } from '../core/catalog/catalog-types';
import type { InspectorPageProps } from '../features/inspect/components/inspector-page';
import { CopyAllMarkdown } from '../features/report/components/copy-all-markdown';

type AboveSlots = Pick<InspectorPageProps, 'renderAbove'>;

/** Adds "Copy all as Markdown" above the cards of a paste, before what other features put there. */
export function withReportAll<S extends AboveSlots>(slots: S, catalog: Catalog): S & Required<AboveSlots> {
  const above = slots.renderAbove;
  return {
    ...slots,
    renderAbove: (findings, text) => (
      <>
        <CopyAllMarkdown findings={findings} catalog={catalog} pastedText={text} />
        {above?.(findings, text)}
      </>
    ),
  };
}
