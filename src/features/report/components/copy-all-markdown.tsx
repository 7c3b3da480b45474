import { useRef, useState } from 'react';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { buildMarkdownReportAll } from '../../../core/report/markdown';
import { copyText } from '../../../lib/clipboard';
import { formatCount, markdownStatus, redactionSummary, reportOptions } from '../report-view';
import { CopyDetails, type Copied } from './copy-details';
import '../report.css';

type CopyAllMarkdownProps = {
  findings: readonly Finding[];
  catalog: Catalog;
  /** The text the findings were read from. */
  pastedText: string;
};

/** "Copy all as Markdown": one redacted report of every finding of the paste (shown when there are several). */
export function CopyAllMarkdown({ findings, catalog, pastedText }: CopyAllMarkdownProps) {
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<Copied | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  if (findings.length < 2) return null;

  async function copyAll() {
    const report = buildMarkdownReportAll(findings, catalog, reportOptions(pastedText, window.location));
    const copied = await copyText(report.text);
    setResult({ what: 'Markdown report', text: report.text, copied, redactions: report.redactions });
    setStatus(`${markdownStatus(report.text.length, copied, findings.length)}${copied ? `; ${redactionSummary(report.redactions)}.` : ''}`);
  }

  return (
    <div className="report-all">
      <div className="report-all-row">
        <button ref={button} type="button" className="button button-quiet button-small" onClick={() => void copyAll()}>
          Copy all as Markdown
        </button>
        <span className="report-hint">one report of the {formatCount(findings.length)} findings, redacted</span>
        {/* A live region without role=status: the results summary is the page's one status. */}
        <p className="report-status" aria-live="polite">
          {status}
        </p>
      </div>
      {result && (
        <CopyDetails
          result={result}
          onHide={() => {
            setResult(null);
            setStatus('');
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
