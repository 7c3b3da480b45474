import { useId } from 'react';
import { formatSize } from '../decode-session';

type DecodeProgressProps = {
  /** Characters read of `total`. */
  done: number;
  total: number;
  /** Size of the log, in characters. */
  chars: number;
  onCancel: () => void;
};

/** The progress of a log decode in the worker: a bar with its numbers in words, and Cancel. */
export function DecodeProgress({ done, total, chars, onCancel }: DecodeProgressProps) {
  const id = useId();
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const words = total > 0 ? `${formatSize(done)} of ${formatSize(total)} read` : 'starting';
  return (
    <div className="decode-progress">
      <div className="decode-progress-line">
        <span className="decode-progress-label" id={`${id}-label`}>
          Decoding a {formatSize(chars)} log: {words}
        </span>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={done}
        aria-valuetext={`${percent}% (${words})`}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
