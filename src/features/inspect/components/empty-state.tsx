import { useId } from 'react';
import type { Example } from '../examples';

type EmptyStateProps = {
  examples: readonly Example[];
  onExample: (text: string) => void;
};

/** What the inspector reads, and a few real examples to try. */
export function EmptyState({ examples, onExample }: EmptyStateProps) {
  const id = useId();
  return (
    <div className="empty">
      <p>Paste what Resonate gave you and read, as you paste, what happened, the likely cause and whether a retry is safe. It reads:</p>
      <ul className="empty-list">
        <li>server responses (JSON envelopes, legacy error bodies, <code>curl -i</code> output);</li>
        <li>Python tracebacks from resonate-sdk, pytest output and log lines;</li>
        <li>TypeScript and Node.js stacks from @resonatehq/sdk, JSON logs included;</li>
        <li>whole terminal sessions and log files, with colours and container prefixes.</li>
      </ul>
      <h3 className="empty-try">Try an example</h3>
      <ul className="examples">
        {examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              className="example"
              aria-labelledby={`${id}-${example.id}-label`}
              aria-describedby={`${id}-${example.id}-description`}
              onClick={() => onExample(example.text)}
            >
              <span className="example-label" id={`${id}-${example.id}-label`}>
                {example.label}
              </span>
              <span className="example-description" id={`${id}-${example.id}-description`}>
                {example.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
