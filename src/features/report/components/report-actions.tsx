import { useRef, useState, type MouseEvent } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { buildDiscordMessage, DISCORD_LIMIT } from '../../../core/report/discord';
import { buildMarkdownReport } from '../../../core/report/markdown';
import type { PasteText } from '../../../core/text/paste-text';
import { copyText } from '../../../lib/clipboard';
import { discordStatus, formatCount, markdownStatus, redactionSummary, reportOptions } from '../report-view';
import { CopyDetails, type Copied } from './copy-details';
import { GithubReportDialog } from './github-report-dialog';
import '../report.css';

type ReportActionsProps = {
  finding: Finding;
  catalog: Catalog;
  /** The whole paste: the reports read the environment off it, and scrub any secret found in it. */
  pastedText: PasteText;
};

/**
 * A card's report actions: "Report on GitHub" (a dialog that shows the report before it opens GitHub),
 * "Copy for Discord" and "Copy as Markdown" (copied at once, redacted; the card then says what was copied).
 * The buttons are grouped under the finding's title, so several cards' buttons can be told apart.
 */
export function ReportActions({ finding, catalog, pastedText }: ReportActionsProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<Copied | null>(null);
  /** The copy button last used: focus goes back to it when the copy's details are hidden. */
  const lastCopy = useRef<HTMLButtonElement | null>(null);

  async function copyDiscord(e: MouseEvent<HTMLButtonElement>) {
    lastCopy.current = e.currentTarget;
    const message = buildDiscordMessage(finding, catalog, reportOptions(pastedText, window.location, false, finding.span.startLine));
    const copied = await copyText(message.text);
    setResult({
      what: 'Discord message',
      text: message.text,
      copied,
      preview: true,
      redactions: message.redactions,
      ...(message.truncated ? { shortened: `The input was cut to fit Discord's ${formatCount(DISCORD_LIMIT)} characters; the message marks where.` } : {}),
    });
    setStatus(`${discordStatus(message.text.length, DISCORD_LIMIT, copied)}${copied ? `; ${redactionSummary(message.redactions)}.` : ''}`);
  }

  async function copyMarkdown(e: MouseEvent<HTMLButtonElement>) {
    lastCopy.current = e.currentTarget;
    const report = buildMarkdownReport(finding, catalog, reportOptions(pastedText, window.location, false, finding.span.startLine));
    const copied = await copyText(report.text);
    setResult({ what: 'Markdown report', text: report.text, copied, redactions: report.redactions });
    setStatus(`${markdownStatus(report.text.length, copied)}${copied ? `; ${redactionSummary(report.redactions)}.` : ''}`);
  }

  function hide() {
    setResult(null);
    setStatus('');
    lastCopy.current?.focus();
  }

  return (
    <>
      <div className="report-actions" role="group" aria-label={`Report: ${finding.title}`}>
        <button type="button" className="button button-quiet" aria-haspopup="dialog" onClick={() => setDialogOpen(true)}>
          Report on GitHub
        </button>
        <button type="button" className="button button-quiet" onClick={(e) => void copyDiscord(e)}>
          Copy for Discord
        </button>
        <button type="button" className="button button-quiet" onClick={(e) => void copyMarkdown(e)}>
          Copy as Markdown
        </button>
        {/* A live region without role=status: the results summary is the page's one status. */}
        <p className="report-status" aria-live="polite">
          {status}
        </p>
      </div>
      {result && <CopyDetails result={result} onHide={hide} />}
      {dialogOpen && <GithubReportDialog finding={finding} catalog={catalog} pastedText={pastedText} onClose={() => setDialogOpen(false)} />}
    </>
  );
}
