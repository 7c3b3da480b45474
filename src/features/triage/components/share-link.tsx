import { useId, useState } from 'react';
import { MAX_FRAGMENT_CHARS } from '../../../core/share/share-link';
import { isBlank, type PasteText } from '../../../core/text/paste-text';
import { copyText } from '../../../lib/clipboard';
import { formatCount, formatSize } from '../decode-session';
import { makeShareLink, type ShareLinkResult } from '../share';

type ShareLinkProps = {
  text: PasteText;
  /** Offered when the paste is too large for a link. */
  onCopySummary?: () => void;
  onDownloadSummary?: () => void;
};

type Shown = { result: ShareLinkResult; copied: boolean; forText: PasteText } | null;

/** "Copy link": the paste, redacted and compressed, in the link's fragment. Nothing is uploaded. */
export function ShareLink({ text, onCopySummary, onDownloadSummary }: ShareLinkProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  // A link made for an older text is not shown for this one.
  const current = shown && shown.forText === text ? shown : null;

  async function copyLink() {
    setBusy(true);
    const result = await makeShareLink(text, window.location.href);
    const copied = result.ok ? await copyText(result.url) : false;
    setShown({ result, copied, forText: text });
    setBusy(false);
  }

  return (
    <div className="share">
      <button type="button" className="button" onClick={() => void copyLink()} disabled={busy || isBlank(text)}>
        {busy ? 'Making the link…' : 'Copy link'}
      </button>
      <div aria-live="polite">
        {current?.result.ok && (
          <div className="share-result">
            <label htmlFor={`${id}-url`}>Share link</label>
            <input
              id={`${id}-url`}
              className="share-url"
              type="text"
              readOnly
              value={current.result.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p className="share-note">
              {current.copied ? 'Copied. ' : 'Copy it from the field above (the browser did not allow copying). '}
              The link holds the paste itself, redacted (tokens, passwords, payloads): nothing was uploaded.
            </p>
          </div>
        )}
        {current && !current.result.ok && current.result.reason === 'too-large' && (
          <div className="callout callout-note">
            <p>
              This paste is too large for a link: {formatSize(text.length)}
              {current.result.fragmentChars !== null ? `, ${formatCount(current.result.fragmentChars)} characters once compressed` : ''}, and a
              link holds at most {formatCount(MAX_FRAGMENT_CHARS)}. Share the summary instead.
            </p>
            {(onCopySummary || onDownloadSummary) && (
              <p className="share-fallback">
                {onCopySummary && (
                  <button type="button" className="button button-quiet button-small" onClick={onCopySummary}>
                    Copy the summary
                  </button>
                )}
                {onDownloadSummary && (
                  <button type="button" className="button button-quiet button-small" onClick={onDownloadSummary}>
                    Download the summary
                  </button>
                )}
              </p>
            )}
          </div>
        )}
        {current && !current.result.ok && current.result.reason === 'failed' && (
          <p className="share-note share-error">This browser could not make a link ({current.result.error}).</p>
        )}
      </div>
    </div>
  );
}
