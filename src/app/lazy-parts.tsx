import { lazy } from 'react';

/**
 * The parts of the page that a first diagnosis does not need, loaded when first shown: the catalog browser and
 * entry pages, the report and replay actions of a card, the triage views. The entry script stays small
 * (`npm run bench` prints its weight); Vite gives each its own chunk.
 */
export const CatalogPage = lazy(() => import('../features/catalog/components/catalog-page').then((m) => ({ default: m.CatalogPage })));
export const EntryPage = lazy(() => import('../features/catalog/components/entry-page').then((m) => ({ default: m.EntryPage })));
export const ReplayActions = lazy(() => import('../features/replay/components/replay-actions').then((m) => ({ default: m.ReplayActions })));
export const ReplayLog = lazy(() => import('../features/replay/components/replay-log').then((m) => ({ default: m.ReplayLog })));
export const ReportActions = lazy(() => import('../features/report/components/report-actions').then((m) => ({ default: m.ReportActions })));
export const CopyAllMarkdown = lazy(() => import('../features/report/components/copy-all-markdown').then((m) => ({ default: m.CopyAllMarkdown })));
export const LogTriage = lazy(() => import('../features/triage/components/log-triage').then((m) => ({ default: m.LogTriage })));
export const TriageSummary = lazy(() => import('../features/triage/components/triage-summary').then((m) => ({ default: m.TriageSummary })));
