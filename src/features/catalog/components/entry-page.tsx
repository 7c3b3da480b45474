import type { Catalog, CatalogEntry, KindVariant } from '../../../core/catalog/catalog-types';
import { findEntry } from '../../../core/catalog/parse-catalog';
import { resolveEntryLink } from '../../../core/decode/entry-link';
import { MismatchCallout } from '../../../components/mismatch-callout';
import { Prose } from '../../../components/prose';
import { RetryAnswer } from '../../../components/retry-tag';
import { matchRules } from '../../../lib/catalog-view';
import { paths } from '../../../lib/paths';
import { issuesHref, safeHref } from '../../../lib/safe-href';
import { sourceLabel } from '../../../lib/wording';
import { Fact } from '../../../components/fact';
import { RetryTag } from '../../../components/retry-tag';
import '../catalog.css';

type EntryPageProps = { catalog: Catalog; id: string };

/**
 * One catalog entry on its own page (`#/e/<id>`), so docs and SDK messages can link to it. The link may also name a
 * code as users see it (`#/e/1102`, `#/e/40400`, `#/e/100.40400`, `#/e/404`) or hold a docs link (`rn8.io/e/1102`):
 * its entry opens, or a short choice when several entries share the code.
 */
export function EntryPage({ catalog, id }: EntryPageProps) {
  const link = resolveEntryLink(catalog, id);
  switch (link.kind) {
    case 'entry':
      return <Entry catalog={catalog} entry={link.entry} />;
    case 'choice':
      return <CodeChoice code={link.code} entries={link.entries} />;
    case 'none':
      return <EntryNotFound id={id} />;
  }
}

function CodeChoice({ code, entries }: { code: string; entries: CatalogEntry[] }) {
  return (
    <div className="entry-page catalog-page">
      <BackLink />
      <h1 tabIndex={-1}>
        Code <code>{code}</code>: {entries.length} catalog entries
      </h1>
      <p className="lede">
        Several errors share this code. Pick the one whose message matches yours, or paste the whole error in the
        inspector: its message and details tell them apart.
      </p>
      <ul className="catalog-list" aria-label={`Entries with code ${code}`}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <div className="catalog-item-head">
              <a href={paths.entry.href(entry.id)}>
                <Prose text={entry.title} />
              </a>
              <span className="catalog-code">{sourceLabel(entry.source)}</span>
              <RetryTag retry={entry.notError ? 'n/a' : entry.retry.verdict} />
            </div>
            <p className="catalog-summary">
              {entry.match.message ? (
                <>
                  Message: <code>{entry.match.message}</code>
                </>
              ) : (
                <Prose text={entry.summary} />
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryNotFound({ id }: { id: string }) {
  return (
    <div className="entry-page">
      <BackLink />
      <h1 tabIndex={-1}>
        No catalog entry named <code>{id}</code>
      </h1>
      <p className="lede">
        The link may be mistyped, or it points at an entry this version of the catalog does not have.
      </p>
      <p>
        <a href={paths.catalog.href()}>Browse the catalog</a>
      </p>
    </div>
  );
}

function BackLink() {
  return (
    <nav className="crumbs" aria-label="Back">
      <a href={paths.inspector.href()}>
        <span aria-hidden="true">← </span>Back to the inspector
      </a>
    </nav>
  );
}

function Entry({ catalog, entry }: { catalog: Catalog; entry: CatalogEntry }) {
  const docs = safeHref(entry.docs);
  const repo = entry.reportRepo ?? catalog.repos[entry.source];
  const issues = issuesHref(repo);
  const related = (entry.related ?? []).map((rid) => ({ id: rid, entry: findEntry(catalog, rid) }));
  const rules = matchRules(entry);
  const retry = entry.notError ? 'n/a' : entry.retry.verdict;

  return (
    <div className="entry-page">
      <BackLink />
      <article className="entry" aria-labelledby="entry-title">
        <header className="entry-head">
          <p className="eyebrow">
            Catalog entry <code>{entry.id}</code>
          </p>
          <h1 id="entry-title" tabIndex={-1}>
            {entry.title}
          </h1>
          <p className="badge">
            <span className="badge-part">{sourceLabel(entry.source)}</span>
            {entry.code !== null && <span className="badge-part">{entry.code}</span>}
            {entry.status !== undefined && entry.status !== Number(entry.code) && (
              <span className="badge-part">HTTP {entry.status}</span>
            )}
            {entry.name && <span className="badge-part">{entry.name}</span>}
          </p>
          {entry.notError && <p className="finding-nature">Not an error</p>}
          {entry.warning && <p className="finding-nature">Warning</p>}
        </header>

        <dl className="facts entry-facts">
          <Fact label="Source" value={sourceLabel(entry.source)} />
          <Fact label="Code" value={entry.code ?? 'none'} />
          {entry.status !== undefined && <Fact label="Status" value={String(entry.status)} />}
          {entry.name && <Fact label="Name" value={entry.name} />}
          {entry.versions && <Fact label="Versions" value={entry.versions} />}
        </dl>

        <section className="entry-section" aria-labelledby="entry-summary">
          <h2 id="entry-summary">What it means</h2>
          <p>
            <Prose text={entry.summary} />
          </p>
        </section>

        {entry.mismatch && <MismatchCallout text={entry.mismatch} />}

        {entry.causes.length > 0 && (
          <section className="entry-section" aria-labelledby="entry-causes">
            <h2 id="entry-causes">Likely causes</h2>
            <ol>
              {entry.causes.map((cause) => (
                <li key={cause}>
                <Prose text={cause} />
              </li>
              ))}
            </ol>
          </section>
        )}

        <section className="entry-section" aria-labelledby="entry-retry">
          <h2 id="entry-retry">Is a retry safe?</h2>
          <RetryAnswer retry={retry} reason={entry.retry.reason} />
        </section>

        {entry.steps.length > 0 && (
          <section className="entry-section" aria-labelledby="entry-steps">
            <h2 id="entry-steps">Next steps</h2>
            <ol>
              {entry.steps.map((step) => (
                <li key={step}>
                <Prose text={step} />
              </li>
              ))}
            </ol>
          </section>
        )}

        {entry.byKind && entry.byKind.length > 0 && (
          <section className="entry-section" aria-labelledby="entry-kinds">
            <h2 id="entry-kinds">Depends on the operation</h2>
            <p>The same error means something else on these operation kinds:</p>
            {entry.byKind.map((variant) => (
              <KindVariantView key={variant.kinds.join(',')} variant={variant} notError={entry.notError === true} />
            ))}
          </section>
        )}

        {rules.length > 0 && (
          <section className="entry-section" aria-labelledby="entry-match">
            <h2 id="entry-match">How the inspector recognises it</h2>
            <dl className="facts">
              {rules.map((rule) => (
                <Fact key={rule.label} label={rule.label} value={rule.value} />
              ))}
            </dl>
          </section>
        )}

        <section className="entry-section" aria-labelledby="entry-more">
          <h2 id="entry-more">More</h2>
          <ul className="more-links">
            {docs && (
              <li>
                <a href={docs} rel="noreferrer">
                  Documentation
                </a>
              </li>
            )}
            {issues && (
              <li>
                <a href={issues} rel="noreferrer">
                  Report a bug to {repo}
                </a>
              </li>
            )}
            {related.map(({ id, entry: rel }) => (
              <li key={id}>
                Related: <a href={paths.entry.href(id)}>{rel ? rel.title : id}</a> <code>{id}</code>
              </li>
            ))}
          </ul>
          {entry.ref && (
            <p className="entry-ref">
              Source reference: <code>{entry.ref}</code>
            </p>
          )}
          <p className="entry-ref">Catalog version {catalog.version}.</p>
        </section>
      </article>
    </div>
  );
}

function KindVariantView({ variant, notError }: { variant: KindVariant; notError: boolean }) {
  return (
    <div className="kind-variant">
      <h3>
        On{' '}
        {variant.kinds.map((kind, i) => (
          <span key={kind}>
            {i > 0 && ', '}
            <code>{kind}</code>
          </span>
        ))}
      </h3>
      {variant.summary && (
        <p>
          <Prose text={variant.summary} />
        </p>
      )}
      {variant.retry && <RetryAnswer retry={notError ? 'n/a' : variant.retry.verdict} reason={variant.retry.reason} />}
      {variant.causes && variant.causes.length > 0 && (
        <>
          <p className="finding-others">Likely causes:</p>
          <ol>
            {variant.causes.map((cause) => (
              <li key={cause}>
                <Prose text={cause} />
              </li>
            ))}
          </ol>
        </>
      )}
      {variant.steps && variant.steps.length > 0 && (
        <>
          <p className="finding-others">Next steps:</p>
          <ol>
            {variant.steps.map((step) => (
              <li key={step}>
                <Prose text={step} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
