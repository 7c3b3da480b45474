/**
 * "Copy for Discord": one message of at most 2,000 characters in Discord's markdown (anchors.md §2):
 * the diagnosis in one line, the likely cause, the envelope or the trace's key lines in a code block,
 * and a link to the catalog entry. Long input is cut with a visible marker, never mid-fence.
 */
import type { Catalog } from '../catalog/catalog-types';
import type { Finding } from '../decode/finding';
import type { Redaction } from './redact';
import { countRedactions, mergeRedactions, redact } from './redact';
import type { Prepared, ReportOptions } from './report-parts';
import { oneLine, prepare } from './report-parts';

export type DiscordOptions = ReportOptions & {
  /** Message limit (2,000 for a normal account). */
  limit?: number;
};

export type DiscordMessage = {
  text: string;
  /** True when the input was cut to fit. */
  truncated: boolean;
  redactions: Redaction[];
};

export const DISCORD_LIMIT = 2000;
/** Longest line kept in a code block: a trace line, or a one-line envelope. */
const MAX_LINE = 300;
const MAX_ENVELOPE_LINE = 1000;
const FENCE = '```';

/** Keeps Discord from reading text as markup outside code spans: emphasis, spoilers, mass mentions. */
export function discordSafe(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([*_~|\\])/g, '\\$1').replace(/@(everyone|here)\b/g, '@\u200b$1')))
    .join('');
}

/** Code-block content that cannot close the fence early. */
function inCode(line: string): string {
  return line.replace(/```/g, '`\u200b`\u200b`');
}

function capLine(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** `promise.get → 404`, `ResonateStoreError 100.40400`, `HTTP 502`. */
function shortCode(f: Finding): string {
  const code = f.code ?? (f.status !== null ? String(f.status) : null);
  if (f.kind) return oneLine(`${f.kind} → ${f.source === 'server' ? (f.status ?? code ?? '?') : (code ?? '?')}`, 80);
  return oneLine([f.name ?? (f.source === 'unknown' ? 'not Resonate' : null), code].filter((x) => x !== null).join(' ') || 'no code', 80);
}

const isTraceHeader = (l: string): boolean => /^\s*(?:Traceback \(most recent call last\):|The above exception|During handling of the above)/.test(l);
const isExceptionLine = (l: string): boolean => /^[\w.$]*(?:Error|Exception|Warning|Exit|Interrupt)\b[^\n]*:/.test(l) || /^\[?\d{2,}[\].]/.test(l);

/**
 * The lines that matter in a trace: headers, exception lines, the user's frame (and its source line),
 * the first frames after a JS error line; gaps become `…` lines.
 */
export function keyLines(excerpt: string, userFile: string | null): string[] {
  const lines = excerpt.split('\n').filter((l) => l.trim() !== '');
  const keep = new Set<number>();
  let jsFrames = 0;
  lines.forEach((l, i) => {
    if (i === 0 || isTraceHeader(l) || isExceptionLine(l)) {
      keep.add(i);
      jsFrames = 0;
    }
    if (/^\s+at /.test(l) && jsFrames < 3) {
      keep.add(i);
      jsFrames++;
    }
    if (userFile && l.includes(userFile)) {
      keep.add(i);
      const next = lines[i + 1];
      if (next !== undefined && !/^\s*(?:File "|at )/.test(next)) keep.add(i + 1);
    }
  });
  const out: string[] = [];
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!keep.has(i)) continue;
    if (i > last + 1) out.push(`  … (${i - last - 1} lines)`);
    out.push(lines[i] ?? '');
    last = i;
  }
  if (last < lines.length - 1) out.push(`  … (${lines.length - 1 - last} lines)`);
  return out;
}

type Block = { lang: string; lines: string[]; python: boolean };

function blocksOf(p: Prepared, keyOnly: boolean): Block[] {
  const input = p.input;
  if (input.type === 'envelope') {
    const blocks: Block[] = [];
    if (input.requestLine !== null) blocks.push({ lang: 'json', lines: [input.requestLine], python: false });
    if (input.responseLine !== null) blocks.push({ lang: 'json', lines: [input.responseLine], python: false });
    return blocks;
  }
  if (input.text.trim() === '') return [];
  const lines = keyOnly ? keyLines(input.text, p.finding.userFrame?.file ?? null) : input.text.split('\n');
  return [{ lang: input.python ? 'py' : '', lines, python: input.python }];
}

/** A fenced block within `room` characters: whole lines only, a marker for what was cut, the fence always closed. */
function fenced(block: Block, room: number): { text: string; cut: boolean } | null {
  const open = `${FENCE}${block.lang}\n`;
  const close = `\n${FENCE}`;
  const lines = block.lines.map((l) => inCode(capLine(l, block.lang === 'json' ? MAX_ENVELOPE_LINE : MAX_LINE)));
  const room2 = room - open.length - close.length;
  const total = lines.reduce((n, l) => n + l.length + 1, -1);
  if (total <= room2) return { text: `${open}${lines.join('\n')}${close}`, cut: lines.some((l, i) => l !== block.lines[i]) };
  // Keep as many whole lines as fit, from the end for a Python traceback (its last lines say what failed), from the start otherwise.
  const order = block.python ? [...lines].reverse() : lines;
  const kept: string[] = [];
  let used = 0;
  const marker = (): string => `… (${lines.length - kept.length} more lines)`;
  for (const line of order) {
    if (used + line.length + 1 + marker().length > room2) break;
    kept.push(line);
    used += line.length + 1;
  }
  while (kept.length > 0 && used + marker().length > room2) used -= (kept.pop() ?? '').length + 1;
  if (kept.length === 0) return null;
  const body = block.python ? [marker(), ...kept.reverse()] : [...kept, marker()];
  return { text: `${open}${body.join('\n')}${close}`, cut: true };
}

/**
 * Builds the Discord message for one finding. Never longer than the limit, whatever the title or input;
 * every code block is closed; everything is redacted.
 */
export function buildDiscordMessage(finding: Finding, catalog: Catalog, options: DiscordOptions = {}): DiscordMessage {
  const limit = options.limit ?? DISCORD_LIMIT;
  const p = prepare(finding, catalog, options);
  const f = p.finding;
  const d = p.diagnosis;
  const verdict = `${d.retryAnswer}${f.retry === 'n/a' ? '' : ` (${f.retry})`}`;
  const head = [`**${discordSafe(oneLine(d.title, 200))}** · \`${shortCode(f).replace(/`/g, "'")}\` · Retry: ${verdict}`];
  if (f.error) head.push(`Likely cause: ${discordSafe(oneLine(d.cause, 300))}`);
  if (d.mismatch) head.push(`Version mismatch: ${discordSafe(oneLine(d.mismatch, 300))}`);
  const env = [p.environment.server, p.environment.sdk, p.environment.runtime].filter((x): x is string => x !== undefined);
  const foot: string[] = [];
  if (env.length > 0) foot.push(`-# ${discordSafe(oneLine(env.join(' · '), 200))}`);
  const link = d.entryUrl ?? d.docs;
  if (d.entryId) foot.push(`Catalog: ${link ? `<${link}>` : `\`${d.entryId}\``}`);
  else foot.push(`Not in the catalog (${d.catalogVersion}) yet.`);

  let finalRedactions: Redaction[] = [];
  const safe = (text: string): string => {
    const r = redact(text, options);
    if (r.redactions.length > 0) finalRedactions = mergeRedactions(finalRedactions, r.redactions);
    return r.text;
  };
  const compose = (blocks: string[]): string => [...head, ...blocks, ...foot].join('\n');

  const attempt = (keyOnly: boolean): { blocks: string[]; cut: boolean } => {
    const candidate = blocksOf(p, keyOnly);
    const out: string[] = [];
    let cut = false;
    // The response first: when both envelopes do not fit, the request goes.
    const ordered = p.input.type === 'envelope' ? [...candidate].reverse() : candidate;
    for (const block of ordered) {
      const room = limit - safe(compose(out)).length - 1;
      const fb = fenced(block, room);
      if (!fb) {
        cut = true;
        continue;
      }
      out.push(safe(fb.text));
      cut = cut || fb.cut;
    }
    if (p.input.type === 'envelope') out.reverse();
    return { blocks: out, cut };
  };
  let chosen = attempt(false);
  let truncated = chosen.cut;
  if (chosen.cut && p.input.type === 'trace') {
    // The whole trace does not fit: its key lines say more than its first (or last) lines.
    const key = attempt(true);
    if (key.blocks.length > 0 || chosen.blocks.length === 0) chosen = key;
    truncated = true;
  }
  const blocks = chosen.blocks;

  let text = safe(compose(blocks));
  if (text.length > limit) {
    text = safe(compose([]));
    truncated = true;
  }
  if (text.length > limit) {
    // Only plain lines remain (no fence to break): cut at a line end.
    const cutAt = text.lastIndexOf('\n', limit - 2);
    text = `${text.slice(0, cutAt > 0 ? cutAt : limit - 1)}\n…`.slice(0, limit);
    truncated = true;
  }
  const known = mergeRedactions(p.redactions, finalRedactions);
  return { text, truncated, redactions: countRedactions([text], known) };
}
