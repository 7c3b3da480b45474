import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import { Prose } from '../../../components/prose';
import { RetryTag } from '../../../components/retry-tag';
import { useShortcut } from '../../../hooks/use-shortcut';
import { paths } from '../../../lib/paths';
import { sourceLabel } from '../../../lib/wording';
import { groupBySource, searchCatalog } from '../catalog-search';
import '../catalog.css';
import { Fact } from '../../../components/fact';

/**
 * The catalog browser (`#/catalog`): every entry, searchable by code, message or any word of its text, grouped
 * by source; each leads to its own page. For someone who has no error to paste and wants to know what a code means.
 */
export function CatalogPage({ catalog }: { catalog: Catalog }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(() => searchCatalog(catalog.entries, deferredQuery), [catalog, deferredQuery]);
  const sections = useMemo(() => groupBySource(hits), [hits]);
  const total = catalog.entries.length;
  const searching = deferredQuery.trim() !== '';

  useShortcut('focus-input', () => inputRef.current?.focus());

  return (
    <div className="catalog-page">
      <h1 tabIndex={-1}>Error catalog</h1>
      <p className="lede">
        Every error the inspector knows — {total} entries from the Resonate server, its legacy Go predecessor and the
        Python and TypeScript SDKs — with what it means, its likely causes and whether a retry is safe.
      </p>

      <div className="catalog-search" role="search">
        <label htmlFor={`${id}-q`}>Search the catalog</label>
        <input
          ref={inputRef}
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="catalog-hint" id={`${id}-hint`}>
          A code (<code>1102</code>, <code>40400</code>, <code>100.40400</code>), a status, an exception name, or any words
          of the message.
        </p>
      </div>

      <p className="catalog-count" aria-live="polite">
        {searching ? `${hits.length} of ${total} entries match.` : `${total} entries in ${sections.length} sources.`}
      </p>

      {searching && hits.length === 0 && (
        <p className="catalog-none">
          No entry holds every word of “{deferredQuery.trim()}”. Try a code alone, or fewer words.
        </p>
      )}

      {sections.map((section) => (
        <section key={section.source} className="entry-section" aria-labelledby={`${id}-${section.source}`}>
          <h2 id={`${id}-${section.source}`}>
            {sourceLabel(section.source)} <span className="catalog-source-count">{section.entries.length}</span>
          </h2>
          <ul className="catalog-list">
            {section.entries.map((entry) => (
              <li key={entry.id}>
                <div className="catalog-item-head">
                  <a href={paths.entry.href(entry.id)}>
                    <Prose text={entry.title} />
                  </a>
                  {entry.code !== null && <code className="catalog-code">{entry.code}</code>}
                  <RetryTag retry={entry.notError ? 'n/a' : entry.retry.verdict} />
                </div>
                <p className="catalog-summary">
                  <Prose text={entry.summary} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section className="entry-section" aria-labelledby={`${id}-covers`}>
        <h2 id={`${id}-covers`}>What the catalog covers</h2>
        <dl className="facts">
          <Fact label="Catalog version" value={catalog.version} />
          <Fact label="Server" value={catalog.covers.server} />
          <Fact label="Protocol" value={catalog.covers.protocol} />
          <Fact label="Legacy server" value={catalog.covers.legacyServer} />
          <Fact label="Python SDK" value={catalog.covers.pythonSdk} />
          <Fact label="TypeScript SDK" value={catalog.covers.tsSdk} />
        </dl>
      </section>
    </div>
  );
}
