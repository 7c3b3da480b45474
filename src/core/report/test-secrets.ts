/**
 * Test support for the redaction properties: secrets in the shapes people paste them, planted into real
 * texts, and a check that no part of them survives into an output. Pure TypeScript (no Node APIs).
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[], url = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] ?? '';
    out += B64[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '=';
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

export function jwtOf(header: object, payload: object, signature: string): string {
  return `${base64(utf8(JSON.stringify(header)), true)}.${base64(utf8(JSON.stringify(payload)), true)}.${signature}`;
}

/**
 * The parts of a JWT that must never come out: its claims (payload) and its signature. The header is public
 * metadata (alg, typ, kid), the same for every token of an issuer.
 */
export function jwtCores(jwt: string): string[] {
  return jwt
    .split('.')
    .slice(1)
    .filter((part) => part.length >= 10);
}

/** A planted secret: the text that goes into the paste, and the random parts that must never come out. */
export type Secret = { snippet: string; cores: string[] };

/** The shapes a secret takes in a paste. */
export const SNIPPETS = {
  jwt: [(t: string) => t, (t: string) => `Authorization: Bearer ${t}`, (t: string) => `"auth":"${t}"`, (t: string) => `'auth': '${t}'`, (t: string) => `-H "Authorization: Bearer ${t}"`],
  bearer: [(t: string) => `Authorization: Bearer ${t}`, (t: string) => `-H 'Authorization: Bearer ${t}'`, (t: string) => `"authorization":"Bearer ${t}"`, (t: string) => `Bearer ${t}`],
  token: [
    (t: string) => `RESONATE_TOKEN=${t}`,
    (t: string) => `export RESONATE_TOKEN="${t}"`,
    (t: string) => `"apiKey": "${t}"`,
    (t: string) => `api_key=${t}`,
    (t: string) => `"token":"${t}"`,
    (t: string) => `"secret": "${t}"`,
    (t: string) => `token='${t}'`,
    (t: string) => `--token ${t}`,
    (t: string) => `{\\"auth\\":\\"${t}\\"}`,
  ],
  password: [
    (p: string) => `postgres://resonate:${p}@db.internal:5432/resonate`,
    (p: string) => `https://admin:${p}@resonate.example.com/`,
    (p: string) => `curl -u admin:${p} http://localhost:8001/`,
    (p: string) => `"password": "${p}"`,
    (p: string) => `RESONATE_PASSWORD=${p}`,
    (p: string) => `password='${p}'`,
  ],
} as const;

/**
 * Inserts a snippet near `at`: on its own line at the next line end, or between words at the next whitespace
 * (which may land inside a JSON envelope and break it, as real pastes sometimes are).
 */
export function plantAt(text: string, at: number, snippet: string, ownLine: boolean): string {
  let i = Math.min(Math.max(0, at), text.length);
  while (i < text.length && !(ownLine ? text[i] === '\n' : /\s/.test(text[i] ?? ''))) i++;
  const insert = ownLine ? `\n${snippet}` : ` ${snippet} `;
  return text.slice(0, i) + insert + text.slice(i);
}

/**
 * Plants a JWT in every envelope head (`head.auth`) and a payload in every request's data and every
 * existing `param`/`value` payload, in the quoting the text uses.
 */
export function plantInEnvelopes(text: string, jwt: string, payload: string): string {
  return text
    .replace(/(["'])head\1(\s*:\s*)\{(\s*)(?=(\}?))/g, (_m, q: string, sep: string, space: string, closing: string) => `${q}head${q}${sep}{${space}${q}auth${q}: ${q}${jwt}${q}${closing === '}' ? '' : ', '}`)
    .replace(/(["'])(param|value)\1(\s*:\s*\{(?:[^{}]|\{\})*?\1data\1\s*:\s*)\1[A-Za-z0-9+/=_-]*\1/g, (_m, q: string, key: string, mid: string) => `${q}${key}${q}${mid}${q}${payload}${q}`)
    .replace(/"data"(\s*:\s*)\{(?=\s*")/g, (_m, sep: string) => `"data"${sep}{"param": {"headers": {}, "data": "${payload}"}, `);
}

/** Undoes the escaping outputs add (Markdown backslashes, zero-width spaces), so a leak cannot hide behind it. */
function plain(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
}

/** The first part of a secret (a 10-character window of any core) found in the outputs, or null. */
export function leaked(outputs: readonly string[], secrets: readonly Secret[]): string | null {
  const texts = outputs.flatMap((o) => [o, plain(o)]);
  for (const s of secrets) {
    for (const core of s.cores) {
      const windows = core.length <= 10 ? [core] : Array.from({ length: Math.floor((core.length - 10) / 3) + 1 }, (_, i) => core.slice(i * 3, i * 3 + 10)).concat(core.slice(-10));
      for (const w of windows) if (texts.some((t) => t.includes(w))) return `${w} (from ${s.snippet})`;
    }
  }
  return null;
}
