import type { Redaction } from '../../../core/report/redact';
import { redactionLines } from '../report-view';

/** What a report had redacted: "2 JWTs → <redacted JWT>", one line per marker. */
export function RedactionList({ redactions, labelledBy }: { redactions: readonly Redaction[]; labelledBy?: string }) {
  if (redactions.length === 0) {
    return <p className="redaction-none">Nothing needed redacting: the report holds no tokens, keys, passwords or payloads.</p>;
  }
  return (
    <ul className="redaction-list" aria-labelledby={labelledBy}>
      {redactionLines(redactions).map((line) => (
        <li key={line.key}>
          <span className="redaction-what">{line.what}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> replaced with </span>
          <code>{line.marker}</code>
        </li>
      ))}
    </ul>
  );
}
