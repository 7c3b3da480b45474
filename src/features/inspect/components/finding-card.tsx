import { useId, type ReactNode } from 'react';
import type { CatalogEntry } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { MismatchCallout } from '../../../components/mismatch-callout';
import { Prose } from '../../../components/prose';
import { RetryAnswer, retryClassName } from '../../../components/retry-tag';
import { paths } from '../../../lib/paths';
import {
  badgeParts,
  findingFacts,
  findingNature,
  natureLabel,
  occurrenceText,
  otherCauses,
  whatHappened,
} from '../finding-view';

type FindingCardProps = {
  finding: Finding;
  /** The catalog entry the decoder chose, when there is one. */
  entry: CatalogEntry | undefined;
  /** What the app puts at the foot of the card (report, replay…): features stay independent of each other. */
  actions?: ReactNode;
};

/** One finding: what happened, why, is a retry safe, what to do, and the facts read off the paste. */
export function FindingCard({ finding: f, entry, actions }: FindingCardProps) {
  const id = useId();
  const nature = findingNature(f);
  const occurrence = occurrenceText(f.count);
  const others = otherCauses(f);
  const facts = findingFacts(f);
  const summary = whatHappened(f, entry);

  return (
    <article
      className={`finding finding-${nature} ${retryClassName(f.retry)}`}
      aria-labelledby={`${id}-title`}
      data-testid="finding"
      data-source={f.source}
      data-code={f.code ?? ''}
      data-retry={f.retry}
    >
      <header className="finding-head">
        <p className="finding-nature">{natureLabel(nature)}</p>
        <h3 className="finding-title" id={`${id}-title`}>
          {f.title}
        </h3>
        <p className="badge">
          {badgeParts(f).map((part, i) => (
            <span className="badge-part" key={i}>
              {part}
            </span>
          ))}
        </p>
        {occurrence && <p className="finding-count">{occurrence}</p>}
      </header>

      {/* Parts are divs with headings, not named sections: those would be landmarks, the same in every card. */}
      <div className="finding-section">
        <h4 id={`${id}-what`}>What happened</h4>
        {summary && (
          <p>
            <Prose text={summary} />
          </p>
        )}
        {f.message && (
          <p className="finding-message">
            <span className="visually-hidden">The message: </span>
            <code>{f.message}</code>
          </p>
        )}
      </div>

      {f.cause !== '' && (
        <div className="finding-section">
          <h4 id={`${id}-cause`}>Likely cause</h4>
          <p>
            <Prose text={f.cause} />
          </p>
          {others.length > 0 && (
            <>
              <p className="finding-others">Other possible causes:</p>
              <ul>
                {others.map((cause) => (
                  <li key={cause}>
                    <Prose text={cause} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <div className="finding-section">
        <h4 id={`${id}-retry`}>Is a retry safe?</h4>
        <RetryAnswer retry={f.retry} reason={f.retryReason} />
      </div>

      {f.mismatch && <MismatchCallout text={f.mismatch} />}

      {f.steps.length > 0 && (
        <div className="finding-section">
          <h4 id={`${id}-steps`}>Next steps</h4>
          <ol>
            {f.steps.map((step) => (
              <li key={step}>
                <Prose text={step} />
              </li>
            ))}
          </ol>
        </div>
      )}

      {f.nearest && (
        <div className="finding-section">
          <h4 id={`${id}-nearest`}>Nearest catalog entries</h4>
          <p>No entry describes this error yet; these are the closest. Reporting it adds it to the catalog.</p>
          <ul>
            {f.nearest.map((e) => (
              <li key={e.id}>
                <a href={paths.entry.href(e.id)}>{e.title}</a> <code>{e.id}</code>
              </li>
            ))}
          </ul>
        </div>
      )}

      {f.notes.length > 0 && (
        <div className="finding-section">
          <h4 id={`${id}-notes`}>Notes</h4>
          <ul>
            {f.notes.map((note) => (
              <li key={note}>
                <Prose text={note} />
              </li>
            ))}
          </ul>
        </div>
      )}

      {facts.length > 0 && (
        <div className="finding-section">
          <h4 id={`${id}-facts`}>Read from the paste</h4>
          <dl className="facts">
            {facts.map((fact) => (
              <div className="fact" key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>
                  {Array.isArray(fact.value) ? (
                    <ol className="chain">
                      {fact.value.map((link, i) => (
                        <li key={i}>
                          <code>{link}</code>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <code>{fact.value}</code>
                  )}
                  {fact.inferred && <span className="inferred"> (inferred)</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      {f.excerpt !== '' && (
        <details className="excerpt">
          <summary>The pasted text</summary>
          <pre tabIndex={0}>
            <code>{f.excerpt}</code>
          </pre>
        </details>
      )}

      {(f.entry || actions) && (
        <footer className="finding-foot">
          {f.entry && <a href={paths.entry.href(f.entry)}>Catalog entry: {f.entry}</a>}
          {actions && <div className="finding-actions">{actions}</div>}
        </footer>
      )}
    </article>
  );
}
