/** base64url (RFC 4648 §5) without padding: the characters a URL fragment carries as they are. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    chunk += ALPHABET[(n >> 18) & 63];
    chunk += ALPHABET[(n >> 12) & 63];
    if (left > 1) chunk += ALPHABET[(n >> 6) & 63];
    if (left > 2) chunk += ALPHABET[n & 63];
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

/** The bytes of a base64url text (padding `=` tolerated), or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const take = Math.min(4, s.length - i);
    for (let k = 0; k < 4; k++) {
      const code = k < take ? s.charCodeAt(i + k) : 65; // 'A' = 0 pads the last group
      const v = code < 128 ? (VALUES[code] ?? -1) : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (take > 2) out[o++] = (n >> 8) & 255;
    if (take > 3) out[o++] = n & 255;
  }
  return out;
}
