import { Prose } from './prose';
import { retryAnswer, type RetryClass } from '../lib/wording';

const CLASS_NAMES: Record<RetryClass, string> = {
  safe: 'retry-safe',
  'with-backoff': 'retry-backoff',
  'after-fix': 'retry-fix',
  never: 'retry-never',
  'n/a': 'retry-none',
};

/** The retry verdict as a small tag: a colour, a symbol and, always, words. */
export function RetryTag({ retry }: { retry: RetryClass }) {
  const { tag, symbol } = retryAnswer(retry);
  return (
    <span className={`retry-tag ${CLASS_NAMES[retry]}`}>
      <span className="retry-symbol" aria-hidden="true">
        {symbol}
      </span>
      {tag}
    </span>
  );
}

/** The verdict's class name, for containers that take the verdict colour. */
export function retryClassName(retry: RetryClass): string {
  return CLASS_NAMES[retry];
}

/** "Is a retry safe?" answered: the tag, the plain answer, the reason. */
export function RetryAnswer({ retry, reason }: { retry: RetryClass; reason: string }) {
  return (
    <div className={`retry-answer ${CLASS_NAMES[retry]}`}>
      <p className="retry-answer-line">
        <span className="retry-answer-symbol" aria-hidden="true">
          {retryAnswer(retry).symbol}
        </span>
        <strong>{retryAnswer(retry).answer}</strong>
      </p>
      {reason !== '' && (
        <p className="retry-reason">
          <Prose text={reason} />
        </p>
      )}
    </div>
  );
}
