import { splitInlineCode } from '../lib/inline-code';

/** Catalog prose with its `code` spans shown as code. Text only: nothing becomes markup. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}
    </>
  );
}
