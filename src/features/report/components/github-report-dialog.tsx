import { useId, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Modal } from '../../../components/modal';
import type { Catalog } from '../../../core/catalog/catalog-types';
import type { Finding } from '../../../core/decode/finding';
import { buildGithubReport, DEFAULT_URL_BUDGET } from '../../../core/report/github';
import type { PasteText } from '../../../core/text/paste-text';
import { copyText } from '../../../lib/clipboard';
import { githubCaveat, hidesPayloads, openStatus, reportOptions, templateText, TOO_LONG_NOTICE, urlLengthText, type OpenState } from '../report-view';
import { RedactionList } from './redaction-list';

type GithubReportDialogProps = {
  finding: Finding;
  catalog: Catalog;
  pastedText: PasteText;
  onClose: () => void;
};

const NEW_TAB = 'noopener,noreferrer';

/**
 * "Report on GitHub": where the report goes, what was redacted, a search for existing issues, a preview, and
 * "Open GitHub issue", which opens the prefilled page in a new tab. A report too long for a link is copied
 * to the clipboard first, and the dialog says so before GitHub opens.
 */
export function GithubReportDialog({ finding, catalog, pastedText, onClose }: GithubReportDialogProps) {
  const id = useId();
  const [includePayloads, setIncludePayloads] = useState(false);
  const [openState, setOpenState] = useState<OpenState>('idle');
  const redacted = useMemo(() => buildGithubReport(finding, catalog, reportOptions(pastedText, window.location, false, finding.span.startLine)), [finding, catalog, pastedText]);
  const withPayloads = useMemo(
    () => (includePayloads ? buildGithubReport(finding, catalog, reportOptions(pastedText, window.location, true, finding.span.startLine)) : null),
    [includePayloads, finding, catalog, pastedText],
  );
  const report = withPayloads ?? redacted;
  const payloads = hidesPayloads(redacted.redactions);
  const caveat = githubCaveat(finding);

  function togglePayloads(checked: boolean) {
    setIncludePayloads(checked);
    setOpenState('idle'); // a different report: anything copied before is not this one
  }

  async function openIssue() {
    if (report.truncated && openState !== 'copy-failed') {
      const copied = await copyText(report.fullBody);
      if (!copied) {
        setOpenState('copy-failed');
        return;
      }
      // The page says the full report is on the clipboard before GitHub opens.
      flushSync(() => setOpenState('copied'));
    } else {
      flushSync(() => setOpenState('opened'));
    }
    window.open(report.url, '_blank', NEW_TAB);
  }

  return (
    <Modal title="Report on GitHub" onClose={onClose} className="report-dialog">
      <p className="report-finding">
        <span className="report-finding-label">Finding:</span> {finding.title}
      </p>
      <dl className="report-facts">
        <div>
          <dt>Repository</dt>
          <dd>
            <code>{report.repo}</code>
          </dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>{templateText(report.template)}</dd>
        </div>
        <div>
          <dt>Title</dt>
          <dd>{report.title}</dd>
        </div>
        <div>
          <dt>Link</dt>
          <dd>
            {urlLengthText(report.url, DEFAULT_URL_BUDGET)}
            {report.truncated ? ', with a shortened report' : ''}
          </dd>
        </div>
      </dl>

      {caveat && (
        <div className="callout report-caveat">
          <p>{caveat}</p>
        </div>
      )}

      <p className="report-search">
        First, check it is not reported already:{' '}
        <a href={report.searchUrl} target="_blank" rel="noopener noreferrer">
          Search existing issues
        </a>{' '}
        <span className="report-hint">(in {report.repo}, opens in a new tab)</span>
      </p>

      <h3 id={`${id}-redacted`} className="report-subhead">
        What was redacted
      </h3>
      <RedactionList redactions={report.redactions} labelledBy={`${id}-redacted`} />
      {payloads && (
        <div className="report-payloads">
          <label className="report-check">
            <input type="checkbox" checked={includePayloads} onChange={(e) => togglePayloads(e.target.checked)} aria-describedby={`${id}-payloads`} />
            Include promise payloads
          </label>
          <p className="report-hint" id={`${id}-payloads`}>
            Payloads (<code>param.data</code>, <code>value.data</code>) hold your application&apos;s data: function arguments and
            results, often about your users. Include them only when the maintainers need them and they hold nothing private.
            Tokens and passwords stay redacted either way.
          </p>
        </div>
      )}

      {report.truncated && (
        <div className="callout report-too-long">
          <p>
            <strong>Too long for a link.</strong> {TOO_LONG_NOTICE}
          </p>
        </div>
      )}

      <details className="report-preview" open>
        <summary>{report.truncated ? 'Preview: the shortened issue the link fills in' : 'Preview: the issue the link fills in'}</summary>
        <pre tabIndex={0}>{report.body}</pre>
      </details>
      {(report.truncated || openState === 'copy-failed') && (
        <details className="report-preview" open={openState === 'copy-failed'}>
          <summary>The full report{openState === 'copy-failed' ? ': select it and copy it' : ', for the clipboard'}</summary>
          <pre tabIndex={0}>{report.fullBody}</pre>
        </details>
      )}

      <p className="report-hint report-security">
        A security problem? Do not file it in public: report it privately (the repository&apos;s Security tab, or a direct message to
        @core-team on Discord).
      </p>

      <div className="report-open">
        <div className="modal-buttons">
          <button type="button" className="button" onClick={() => void openIssue()}>
            {openState === 'copy-failed' ? 'Open GitHub issue anyway' : 'Open GitHub issue'}
          </button>
          <span className="report-hint">
            {report.truncated && openState !== 'copy-failed'
              ? 'Copies the full report to your clipboard, then opens github.com in a new tab.'
              : 'Opens github.com in a new tab.'}{' '}
            Nothing is filed until you submit it there.
          </span>
        </div>
        <p className="report-status report-open-status" role="status">
          {openStatus(openState)}
        </p>
      </div>
    </Modal>
  );
}
