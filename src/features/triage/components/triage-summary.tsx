import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Finding, Span } from '../../../core/decode/finding';
import { filterGroups, groupFacets, groupFindings, type Group } from '../../../core/triage/group';
import { joinText, type PasteText } from '../../../core/text/paste-text';
import { createTextLines } from '../../../core/triage/text-lines';
import { splitLogLines, type LogLines } from '../../../core/triage/timestamps';
import { useGrowingCount } from '../../../hooks/use-growing-count';
import { useShortcut } from '../../../hooks/use-shortcut';
import { copyText, downloadText } from '../../../lib/clipboard';
import { formatCount } from '../decode-session';
import { spanLabel } from '../log-view';
import { exportFile, exportFileName, exportText, FORMAT_LABELS, summaryOptions, type ExportFormat } from '../summary-export';
import { findingsOf, isFiltering, NO_FILTER, worthATable, type FilterState } from '../summary-view';
import { GroupDetail } from './group-detail';
import { GroupTable } from './group-table';
import { ShareLink } from './share-link';
import { SummaryFilters } from './summary-filters';
import '../triage.css';

type TriageSummaryProps = {
  findings: Finding[];
  /** The groups with the log's times (the worker's); without them they are grouped here from `findings`. */
  groups?: Group[];
  /** The text the findings were read from (for times, the original-text viewer and the share link). */
  text: PasteText;
  catalogVersion: string;
  /**
   * `log`: a log decoded in the worker; the table always shows, and the cards are shown here (`renderCard`).
   * `paste`: above the inspector's own cards; the table shows only when there is something to sum up.
   */
  mode: 'log' | 'paste';
  /** Still decoding: counts grow, times and exports wait for the end. */
  provisional?: boolean;
  renderCard?: (finding: Finding) => ReactNode;
};

const ROWS = 100;
/** Rows mounted per frame: the first hundred rows of a summary laid out at once are a long task. */
const ROWS_PER_FRAME = 25;
/**
 * Rows shown while the log is still being read: each progress update moves rows and changes their counts, and
 * laying out a hundred of them four times a second keeps the page busy; the rest come with the final groups.
 */
const PROVISIONAL_ROWS = 25;
/** Characters of a long log indexed for its lines in one task (about 5 ms). */
const LINES_PER_TASK_CHARS = 8 * 1024 * 1024;
const CARDS = 20;
/** Cards mounted per frame (a card is some ninety elements). */
const CARDS_PER_FRAME = 5;

/** The triage summary: findings grouped by catalog entry, filters, exports, the share link, and one group's occurrences. */
export function TriageSummary({ findings, groups: given, text, catalogVersion, mode, provisional = false, renderCard }: TriageSummaryProps) {
  const id = useId();
  const groups = useMemo(() => given ?? groupFindings(findings, splitLogLines(joinText(text))), [given, findings, text]);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterGroups(groups, deferredFilter), [groups, deferredFilter]);
  const facets = useMemo(() => groupFacets(groups), [groups]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [selectedSpan, setSelectedSpan] = useState<Span | null>(null);
  const [lines, setLines] = useState<{ text: PasteText; lines: LogLines } | null>(null);
  // The text whose lines are being indexed, and the timer of its next step.
  const indexing = useRef<{ text: PasteText; timer: number } | null>(null);
  useEffect(() => () => window.clearTimeout(indexing.current?.timer), []);
  const [rowLimit, setRowLimit] = useState(ROWS);
  const [cardLimit, setCardLimit] = useState(CARDS);
  const [feedback, setFeedback] = useState('');

  const table = mode === 'log' || worthATable(groups);
  const selected = visible.find((g) => g.key === selectedKey) ?? null;
  const canExport = table && !provisional && visible.length > 0;
  const currentLines = lines && lines.text === text ? lines.lines : null;
  const rowsShown = useGrowingCount(Math.min(rowLimit, visible.length, provisional ? PROVISIONAL_ROWS : Infinity), ROWS_PER_FRAME);
  const rowsLater = provisional ? Math.min(rowLimit, visible.length) - rowsShown : 0;

  function selectGroup(key: string | null) {
    setSelectedKey(key);
    setSelectedSpan(null);
  }

  function selectSpan(span: Span) {
    // The text's lines are indexed once, on the first look at an occurrence (a long log's lines are not needed
    // before), a few megabytes a task: the viewer shows once they are.
    if (!currentLines && indexing.current?.text !== text) {
      window.clearTimeout(indexing.current?.timer);
      const index = createTextLines(text);
      const forText = text;
      const step = () => {
        if (index.step(LINES_PER_TASK_CHARS)) {
          indexing.current = null;
          setLines({ text: forText, lines: index.lines });
        } else if (indexing.current) indexing.current.timer = window.setTimeout(step, 0);
      };
      indexing.current = { text, timer: 0 };
      step();
    }
    setSelectedSpan(span);
    setFeedback(`Showing ${spanLabel(span).toLowerCase()} in the original text.`);
  }

  const exported = (format: ExportFormat) => exportText(format, visible, summaryOptions(catalogVersion, window.location.href));
  const what = `${formatCount(visible.length)} ${visible.length === 1 ? 'group' : 'groups'}`;

  async function copy(format: ExportFormat) {
    const ok = await copyText(exported(format));
    setFeedback(ok ? `Copied the summary (${FORMAT_LABELS[format]}, ${what}).` : 'The browser did not allow copying: use Download instead.');
  }

  function download(format: 'markdown' | 'csv') {
    const file = exportFile(format, exported(format));
    downloadText(exportFileName(format, new Date()), file.body, file.mime);
    setFeedback(`Downloaded the summary (${FORMAT_LABELS[format]}, ${what}).`);
  }

  useShortcut('copy-summary', () => void copy('markdown'), canExport);

  const cards = renderCard && !selected ? findingsOf(visible, cardLimit) : null;
  const cardsShown = useGrowingCount(cards?.shown.length ?? 0, CARDS_PER_FRAME);

  return (
    <section className="triage" aria-labelledby={`${id}-title`}>
      <div className="triage-head">
        <h3 id={`${id}-title`}>{table ? 'Summary' : 'Share'}</h3>
        <ShareLink
          text={text}
          {...(canExport ? { onCopySummary: () => void copy('markdown'), onDownloadSummary: () => download('markdown') } : {})}
        />
      </div>
      {table && (
        <div className="export-actions" role="group" aria-labelledby={`${id}-export`}>
          <span className="export-label" id={`${id}-export`}>
            Export the summary
          </span>
          <button type="button" className="button button-quiet button-small" disabled={!canExport} onClick={() => void copy('markdown')}>
            Copy Markdown
          </button>
          <button type="button" className="button button-quiet button-small" disabled={!canExport} onClick={() => download('markdown')}>
            Download Markdown
          </button>
          <button type="button" className="button button-quiet button-small" disabled={!canExport} onClick={() => void copy('csv')}>
            Copy CSV
          </button>
          <button type="button" className="button button-quiet button-small" disabled={!canExport} onClick={() => download('csv')}>
            Download CSV
          </button>
          <button type="button" className="button button-quiet button-small" disabled={!canExport} onClick={() => void copy('discord')}>
            Copy for Discord
          </button>
        </div>
      )}
      <p className="triage-feedback" aria-live="polite">
        {feedback}
      </p>

      {table && (
        <>
          {groups.length > 1 && <SummaryFilters facets={facets} filter={filter} onChange={setFilter} />}
          {isFiltering(filter) && (
            <p className="triage-shown">
              {formatCount(visible.length)} of {formatCount(groups.length)} groups match.
            </p>
          )}
          {visible.length > 0 ? (
            <GroupTable groups={visible.slice(0, rowsShown)} provisional={provisional} selectedKey={selected?.key ?? null} onSelect={selectGroup} />
          ) : (
            <p className="triage-none">No group matches these filters.</p>
          )}
          {rowsLater > 0 && (
            <p className="triage-more-later">
              The top {formatCount(rowsShown)} groups so far; {formatCount(rowsLater)} more show when the log is read.
            </p>
          )}
          {!provisional && visible.length > rowLimit && (
            <button type="button" className="plain-button" onClick={() => setRowLimit(visible.length)}>
              Show all {formatCount(visible.length)} groups
            </button>
          )}
          {selected && (
            <GroupDetail
              key={selected.key}
              group={selected}
              lines={currentLines}
              selectedSpan={selectedSpan}
              onSelectSpan={selectSpan}
              onClose={() => selectGroup(null)}
              {...(renderCard ? { renderCard } : {})}
            />
          )}
        </>
      )}

      {cards && cards.shown.length > 0 && (
        <div className="triage-cards">
          <h3 className="triage-cards-title">
            {cards.total > cards.shown.length
              ? `Findings: the first ${formatCount(cards.shown.length)} of ${formatCount(cards.total)}`
              : `Findings (${formatCount(cards.total)})`}
          </h3>
          <p className="triage-cards-hint">Choose a group above to see only its findings and occurrences.</p>
          <ol className="findings">
            {cardKeys(cards.shown.slice(0, cardsShown)).map(([key, f]) => (
              <li key={key}>{renderCard?.(f)}</li>
            ))}
          </ol>
          {cards.total > cards.shown.length && (
            <button type="button" className="button button-quiet" onClick={() => setCardLimit((n) => n + CARDS)}>
              Show {formatCount(Math.min(CARDS, cards.total - cards.shown.length))} more findings
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Keys that follow a finding when the streaming summary re-ranks (a card keeps its DOM, not its place): its
 * signature and first line, with a suffix for the rare two that share them.
 */
function cardKeys(findings: readonly Finding[]): Array<[string, Finding]> {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.source}:${f.code ?? ''}:${f.entry ?? ''}:${f.kind ?? ''}:${f.span.startLine}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base}#${n}`, f];
  });
}
