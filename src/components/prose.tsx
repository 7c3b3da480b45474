import { splitInlineCode } from '../lib/inline-code';

/** `{func}` in a catalog text: a value the error fills in (shown as such where no paste filled it). */
const PLACEHOLDER = /\{(\w+)\}/g;

function withPlaceholders(text: string, key: number) {
  const parts = text.split(PLACEHOLDER);
  if (parts.length === 1) return text;
  // split() with a group alternates text and placeholder names.
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <var key={`${key}:${i}`} className="placeholder">
        {part}
      </var>
    ) : (
      part
    ),
  );
}

/** Catalog prose with its `code` spans shown as code and its `{placeholders}` as variables. Text only: nothing becomes markup. */
export function Prose({ text }: { text: string }) {
  return <>{splitInlineCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : withPlaceholders(part.text, i)))}</>;
}
