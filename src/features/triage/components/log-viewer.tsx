import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Span } from '../../../core/decode/finding';
import type { LogLines } from '../../../core/triage/timestamps';
import { formatCount } from '../decode-session';
import { growWindow, inSpan, spanLabel, windowAround } from '../log-view';

type LogViewerProps = {
  /** The text's lines (splitLogLines, or an index of them), index 0 being line 1. */
  lines: LogLines;
  span: Span;
};

const MORE = 50;

/** The original text around one occurrence, read-only, its lines highlighted and scrolled into view. */
export function LogViewer({ lines, span }: LogViewerProps) {
  const spanKey = `${span.startLine}-${span.endLine}`;
  const [shown, setShown] = useState(() => windowAround(span, lines.length));
  const [shownFor, setShownFor] = useState(spanKey);
  if (shownFor !== spanKey) {
    // Another occurrence: start again around it (state adjusted during render, as React recommends).
    setShownFor(spanKey);
    setShown(windowAround(span, lines.length));
  }
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const hitRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const box = boxRef.current;
    const hit = hitRef.current;
    if (!box || !hit) return;
    box.scrollTop = Math.max(0, hit.offsetTop - box.clientHeight / 3);
    box.scrollLeft = 0;
  }, [spanKey]);

  const numbers: number[] = [];
  for (let n = shown.from; n <= shown.to; n++) numbers.push(n);
  const label = `${spanLabel(span)} of ${formatCount(lines.length)}`;

  return (
    <section className="log-viewer" aria-labelledby={`${id}-title`}>
      <div className="log-viewer-head">
        <h4 id={`${id}-title`}>Original text</h4>
        <p className="log-viewer-where">{label}, highlighted</p>
      </div>
      {shown.from > 1 && (
        <button type="button" className="plain-button" onClick={() => setShown((w) => growWindow(w, -MORE, lines.length))}>
          Show earlier lines
        </button>
      )}
      <div ref={boxRef} className="log-lines" tabIndex={0} role="group" aria-label={`Original text, ${label}`}>
        {numbers.map((n) => {
          const hit = inSpan(n, span);
          const text = lines.at(n - 1) ?? '';
          return (
            <div
              key={n}
              ref={n === span.startLine ? hitRef : undefined}
              className={hit ? 'log-line log-line-hit' : 'log-line'}
            >
              <span className="log-no" aria-hidden="true">
                {n}
              </span>
              {hit ? <mark className="log-text">{text || ' '}</mark> : <span className="log-text">{text || ' '}</span>}
            </div>
          );
        })}
      </div>
      {shown.to < lines.length && (
        <button type="button" className="plain-button" onClick={() => setShown((w) => growWindow(w, MORE, lines.length))}>
          Show later lines
        </button>
      )}
    </section>
  );
}
