import { encodeShareFragment, tooLargeForLink } from '../../core/share/share-link';
import { joinText, type PasteText } from '../../core/text/paste-text';

/**
 * Making a share link for the page: the core makes the fragment (redacted, compressed); this decides whether it
 * fits in a link and builds the address. Nothing leaves the browser: the link itself carries the paste.
 */

/** Above this size a paste is not even compressed: no log compresses ~70 times into a 60,000-character link. */
export const MAX_LINK_SOURCE_CHARS = 4 * 1024 * 1024;

export type ShareLinkResult =
  | { ok: true; url: string; fragmentChars: number }
  /** `fragmentChars` is null when the paste was too large to try. */
  | { ok: false; reason: 'too-large'; fragmentChars: number | null }
  | { ok: false; reason: 'failed'; error: string };

/** The page's address with its fragment replaced by `fragment`. */
export function shareUrl(fragment: string, baseHref: string): string {
  const at = baseHref.indexOf('#');
  return `${at >= 0 ? baseHref.slice(0, at) : baseHref}${fragment}`;
}

/** The share link of a paste, or why there is none. Never throws. */
export async function makeShareLink(
  text: PasteText,
  baseHref: string,
  encode: (text: string) => Promise<string> = (t) => encodeShareFragment(t),
): Promise<ShareLinkResult> {
  if (text.length > MAX_LINK_SOURCE_CHARS) return { ok: false, reason: 'too-large', fragmentChars: null };
  try {
    const fragment = await encode(joinText(text));
    if (tooLargeForLink(fragment.length)) return { ok: false, reason: 'too-large', fragmentChars: fragment.length };
    return { ok: true, url: shareUrl(fragment, baseHref), fragmentChars: fragment.length };
  } catch (e) {
    return { ok: false, reason: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}
