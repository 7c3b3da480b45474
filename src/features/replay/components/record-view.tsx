import type { DecodedRecord } from '../../../core/replay/decode-record';
import { recordSummary, stateTone } from '../record-view';

/** A promise, task or schedule record: title, state, and its fields (payloads decoded, never as markup). */
export function RecordView({ record }: { record: DecodedRecord }) {
  const summary = recordSummary(record);
  return (
    <div className="replay-record">
      <p className="replay-record-title">
        <strong>{summary.title}</strong>
        {summary.state && <span className={`state-tag state-${stateTone(summary.state)}`}>{summary.state}</span>}
      </p>
      <dl className="facts">
        {summary.rows.map((row) => (
          <div className="fact" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.block ? (
                <pre className="replay-pre">
                  <code>{row.value}</code>
                </pre>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
