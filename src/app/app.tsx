import { useQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Catalog } from '../core/catalog/catalog-types';
import { resolveEntryLink } from '../core/decode/entry-link';
import type { PasteText } from '../core/text/paste-text';
import { ShortcutsHelp } from '../components/shortcuts-help';
import { InspectorPage } from '../features/inspect/components/inspector-page';
import { ReplayProvider } from '../features/replay/components/replay-provider';
import { ServerButton } from '../features/replay/components/server-line';
import { catalogQueryOptions } from '../features/catalog/api/catalog-query';
import type { Route } from '../lib/paths';
import { paths } from '../lib/paths';
import { SharedPaste } from '../features/triage/components/shared-paste';
import { CatalogPage, EntryPage, ReplayActions, ReplayLog, ReportActions } from './lazy-parts';
import { NotFoundPage } from './not-found-page';
import { AppProvider } from './provider';
import { withReportAll } from './report-slots';
import { triageSlots } from './triage-slots';
import { useHashRoute } from './use-hash-route';
import './styles.css';

export function App() {
  return (
    <AppProvider>
      <ReplayProvider>
        <Shell />
      </ReplayProvider>
    </AppProvider>
  );
}

type PageState = { text: PasteText; file: Blob | null; setText: (text: PasteText, file?: Blob) => void };

/** The route table: one line per route. A share link (`#/s/…`) opens the inspector with the link's paste. */
function renderRoute(route: Route, catalog: Catalog, paste: PageState): ReactNode {
  switch (route.name) {
    case 'inspector':
      return (
        <>
          <InspectorPage
            catalog={catalog}
            text={paste.text}
            file={paste.file}
            onTextChange={paste.setText}
            {...withReportAll(triageSlots(catalog), catalog)}
            renderActions={(finding) => (
              <Suspense fallback={null}>
                <ReplayActions finding={finding} catalog={catalog} />
                <ReportActions finding={finding} catalog={catalog} pastedText={paste.text} />
              </Suspense>
            )}
          />
          <Suspense fallback={null}>
            <ReplayLog catalog={catalog} />
          </Suspense>
        </>
      );
    case 'entry':
      return (
        <Suspense fallback={<p role="status">Loading the entry…</p>}>
          <EntryPage catalog={catalog} id={route.id} />
        </Suspense>
      );
    case 'catalog':
      return (
        <Suspense fallback={<p role="status">Loading the catalog browser…</p>}>
          <CatalogPage catalog={catalog} />
        </Suspense>
      );
    case 'share':
      return (
        <SharedPaste fragment={route.fragment} onOpen={paste.setText}>
          {renderRoute({ name: 'inspector' }, catalog, paste)}
        </SharedPaste>
      );
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}

function titleOf(route: Route, catalog: Catalog | null): string {
  switch (route.name) {
    case 'inspector':
      return 'Resonate Inspector';
    case 'entry': {
      const link = catalog ? resolveEntryLink(catalog, route.id) : null;
      const name = link?.kind === 'entry' ? link.entry.title : link?.kind === 'choice' ? `Code ${link.code}` : 'Unknown entry';
      return `${name} · Resonate Inspector`;
    }
    case 'catalog':
      return 'Error catalog · Resonate Inspector';
    case 'share':
      return 'Shared paste · Resonate Inspector';
    case 'not-found':
      return 'Not found · Resonate Inspector';
  }
}

function Shell() {
  const route = useHashRoute();
  // The paste lives here, above the routes, so a visit to an entry page does not lose it.
  const [paste, setPaste] = useState<{ text: PasteText; file: Blob | null }>({ text: '', file: null });
  const { text } = paste;
  // The file a text was read from goes with it (a long log's worker reads the file itself); any other text has none.
  const setText = useCallback((next: PasteText, file?: Blob) => setPaste({ text: next, file: file ?? null }), []);
  const mainRef = useRef<HTMLElement>(null);
  const shownRouteKey = useRef<string | null>(null);
  const catalogQuery = useQuery(catalogQueryOptions());
  const catalog = catalogQuery.data ?? null;
  const routeKey = route.name === 'entry' ? `entry:${route.id}` : route.name;

  const title = titleOf(route, catalog);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    const previous = shownRouteKey.current;
    shownRouteKey.current = routeKey;
    if (previous === null || previous === routeKey) return; // first load (or a StrictMode re-run)
    // A new page: start at its top and move focus to its heading, as a page load would.
    window.scrollTo(0, 0);
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [routeKey]);

  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={paths.inspector.href()}>
            <span className="brand-mark" aria-hidden="true" />
            Resonate Inspector
          </a>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <a href={paths.inspector.href()} aria-current={route.name === 'inspector' ? 'page' : undefined}>
                  Inspector
                </a>
              </li>
              <li>
                <a href={paths.catalog.href()} aria-current={route.name === 'catalog' ? 'page' : undefined}>
                  Catalog
                </a>
              </li>
            </ul>
          </nav>
          <ServerButton />
        </div>
      </header>
      <main ref={mainRef} className="site-main">
        {catalog ? (
          renderRoute(route, catalog, { text, file: paste.file, setText })
        ) : catalogQuery.isPending ? (
          // The paste area is there at once; the diagnosis waits for the catalog (fetched beside the code).
          route.name === 'inspector' || route.name === 'share' ? (
            <InspectorPage catalog={null} text={text} file={paste.file} onTextChange={setText} />
          ) : (
            <p role="status">Loading the catalog…</p>
          )
        ) : (
          <div className="callout callout-error" role="alert">
            <h1>The error catalog could not be loaded</h1>
            <p>
              <code>{catalogQuery.error?.message}</code>. The inspector cannot diagnose anything without it: reload the
              page{' '}
              <button type="button" onClick={() => void catalogQuery.refetch()}>
                Try again
              </button>
            </p>
          </div>
        )}
      </main>
      <footer className="site-footer">
        <p>
          {catalog ? `Catalog ${catalog.version}. ` : ''}Runs entirely in your browser: nothing you paste is sent
          anywhere, unless you replay a request to a Resonate server.
        </p>
        <ShortcutsHelp />
      </footer>
    </>
  );
}
