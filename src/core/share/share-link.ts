import { redact } from '../report/redact';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * Share links: the paste, redacted, compressed (deflate-raw, CompressionStream: browsers and Node ≥ 18, no
 * dependency) and base64url-encoded into the URL fragment, which the browser never sends to a server.
 * `#/s/v1.<data>`: the version says how <data> is made, so a later format can be read beside this one.
 */

export const SHARE_ROUTE = '#/s/';
export const SHARE_VERSION = 'v1';
const PREFIX = `${SHARE_ROUTE}${SHARE_VERSION}.`;

/**
 * Longest fragment a link may carry: with the page's address it stays under 64 K characters, which browsers
 * (Firefox's address bar), GitHub comments (65,536) and most chat clients take whole.
 */
export const MAX_FRAGMENT_CHARS = 60_000;
/** A shared text never inflates beyond this (a small link can hold a deflate bomb). */
export const MAX_SHARED_TEXT_BYTES = 16 * 1024 * 1024;
/** Fragments longer than any browser's URL are not even read. */
const MAX_FRAGMENT_INPUT = 2_100_000;

export type DecodeShareResult = { ok: true; text: string } | { ok: false; error: string };

export type EncodeShareOptions = {
  /** What goes into the link is redacted first, as reports are (default: src/core/report/redact). */
  redactText?: (text: string) => string;
};

/** Is this fragment too long for a link? Then the page offers the summary instead. */
export function tooLargeForLink(fragmentLength: number): boolean {
  return fragmentLength > MAX_FRAGMENT_CHARS;
}

/** Does this location hash (or URL) hold a share link, in any version? */
export function isShareFragment(hashOrUrl: string): boolean {
  return fragmentOf(hashOrUrl).startsWith(SHARE_ROUTE);
}

/** The fragment (`#/s/v1.…`) that carries the redacted, compressed text. */
export async function encodeShareFragment(text: string, options: EncodeShareOptions = {}): Promise<string> {
  const redactText = options.redactText ?? ((s: string) => redact(s).text);
  const bytes = new TextEncoder().encode(redactText(text));
  const compressed = await transform(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return `${PREFIX}${toBase64Url(compressed)}`;
}

/** Reads the text back from a fragment (or a whole URL). Never throws: a bad link gives an error to show. */
export async function decodeShareFragment(fragment: string): Promise<DecodeShareResult> {
  try {
    const hash = fragmentOf(typeof fragment === 'string' ? fragment : '');
    if (!hash.startsWith(SHARE_ROUTE)) return { ok: false, error: 'This is not a Resonate Inspector share link.' };
    const body = hash.slice(SHARE_ROUTE.length);
    const dot = body.indexOf('.');
    if (dot < 0) return { ok: false, error: 'This share link is damaged: it has no version.' };
    const version = body.slice(0, dot);
    if (version !== SHARE_VERSION) {
      return /^v\d+$/.test(version)
        ? { ok: false, error: `This link was made by a newer version of Resonate Inspector (${version}); this page reads ${SHARE_VERSION}.` }
        : { ok: false, error: 'This share link is damaged: it has no version.' };
    }
    if (body.length > MAX_FRAGMENT_INPUT) return { ok: false, error: 'This share link is too long to read.' };
    const data = body.slice(dot + 1);
    const bytes = fromBase64Url(data);
    if (!bytes || bytes.length === 0) return { ok: false, error: 'This share link is damaged (it may have been cut short when it was copied).' };
    const inflated = await transform(bytes, new DecompressionStream('deflate-raw'), MAX_SHARED_TEXT_BYTES);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    return { ok: true, text };
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, error: 'The text in this share link is too large to open.' };
    return { ok: false, error: 'This share link is damaged (it may have been cut short when it was copied).' };
  }
}

/** The fragment of a hash or URL, with its `#`; a bare `/s/…` route is read as `#/s/…`. */
function fragmentOf(hashOrUrl: string): string {
  const s = hashOrUrl.trim();
  const at = s.indexOf('#');
  if (at >= 0) return s.slice(at);
  return s.startsWith('/s/') ? `#${s}` : s;
}

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, stopping once the output exceeds `maxOut` bytes. */
async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxOut: number): Promise<Uint8Array> {
  const input = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream);
  const reader = input.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxOut) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
