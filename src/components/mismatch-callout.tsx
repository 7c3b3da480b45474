import { Prose } from './prose';

/** A version mismatch, said in words (the callout's colour only repeats it). */
export function MismatchCallout({ text }: { text: string }) {
  return (
    <div className="callout callout-mismatch" role="note" aria-label="Version mismatch">
      <p>
        <strong>Version mismatch.</strong> <Prose text={text} />
      </p>
    </div>
  );
}
