import type { Catalog } from '../../../core/catalog/catalog-types';
import { SOURCES } from '../../../core/catalog/catalog-types';
import { RetryTag } from '../../../components/retry-tag';
import { paths } from '../../../lib/paths';
import { sourceLabel } from '../../../lib/wording';

/** A plain index of the catalog (`#/catalog`), so every entry page can be reached. A fuller browser comes later. */
export function CatalogPage({ catalog }: { catalog: Catalog }) {
  return (
    <div className="catalog-page">
      <h1 tabIndex={-1}>Error catalog</h1>
      <p className="lede">
        Version {catalog.version}: {catalog.entries.length} entries. Each has its own page to link to.
      </p>
      <dl className="facts">
        <div className="fact">
          <dt>Server</dt>
          <dd>{catalog.covers.server}</dd>
        </div>
        <div className="fact">
          <dt>Protocol</dt>
          <dd>{catalog.covers.protocol}</dd>
        </div>
        <div className="fact">
          <dt>Legacy server</dt>
          <dd>{catalog.covers.legacyServer}</dd>
        </div>
        <div className="fact">
          <dt>Python SDK</dt>
          <dd>{catalog.covers.pythonSdk}</dd>
        </div>
        <div className="fact">
          <dt>TypeScript SDK</dt>
          <dd>{catalog.covers.tsSdk}</dd>
        </div>
      </dl>
      {SOURCES.map((source) => {
        const entries = catalog.entries.filter((e) => e.source === source);
        if (entries.length === 0) return null;
        return (
          <section key={source} className="entry-section" aria-labelledby={`catalog-${source}`}>
            <h2 id={`catalog-${source}`}>{sourceLabel(source)}</h2>
            <ul className="catalog-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <a href={paths.entry.href(entry.id)}>{entry.title}</a>
                  {entry.code !== null && <code className="catalog-code">{entry.code}</code>}
                  <RetryTag retry={entry.notError ? 'n/a' : entry.retry.verdict} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
