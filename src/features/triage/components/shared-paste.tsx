import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { paths } from '../../../lib/paths';
import { shareQueries } from '../share-queries';
import '../triage.css';

type SharedPasteProps = {
  /** The share link's fragment (`#/s/v1.<data>`). */
  fragment: string;
  /** The paste the link holds, to put in the paste area. */
  onOpen: (text: string) => void;
  children: ReactNode;
};

/** A share link (`#/s/…`): reads the paste out of the fragment, then shows the inspector with it. */
export function SharedPaste({ fragment, onOpen, children }: SharedPasteProps) {
  const query = useQuery(shareQueries.fragment(fragment));
  const shared = query.data?.ok ? query.data.text : null;

  // The link's paste goes into the paste area once per link; later edits belong to the user.
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => {
    if (shared === null || opened === fragment) return;
    onOpen(shared);
    setOpened(fragment);
  }, [shared, fragment, opened, onOpen]);

  if (query.data && !query.data.ok) {
    return (
      <div className="entry-page">
        <h1 tabIndex={-1}>This share link cannot be opened</h1>
        <p className="lede">{query.data.error}</p>
        <p>
          <a href={paths.inspector.href()}>Open the inspector</a>
        </p>
      </div>
    );
  }
  if (shared === null || opened !== fragment) {
    return (
      <div className="entry-page">
        <h1 tabIndex={-1}>Opening the shared paste…</h1>
        <p className="lede" role="status">
          The paste is in the link itself: it is read here, in your browser.
        </p>
      </div>
    );
  }
  return (
    <>
      <aside className="callout callout-note share-banner" aria-label="Shared paste">
        <p>
          Opened from a share link. The paste was redacted (tokens, passwords, payloads) before the link was made, and
          nothing was uploaded: the link itself holds it.
        </p>
      </aside>
      {children}
    </>
  );
}
