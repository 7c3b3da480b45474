import type { Finding } from '../../core/decode/finding';
import { normalizeKind } from '../../core/decode/envelope';
import { buildReplay, stateCheckRequest, type BuiltRequest } from '../../core/replay/build-request';
import { classifyKind, describeChange, type KindInfo } from '../../core/replay/classify-kind';
import { DATA_FIELDS, isKind, type Kind, type ReplayRequest } from '../../core/replay/request-schema';
import { validateRequestText, type ValidationResult } from '../../core/replay/validate-request';

/** What a card offers: "Replay" when the kind is known, "Check current state" when an id is named. */
export type Availability = { replay: boolean; stateCheck: { kind: Kind; id: string } | null };

export function availability(finding: Finding): Availability {
  const replay = buildReplay(finding, { newCorrId: () => '' }) !== null;
  const check = stateCheckRequest(finding, { newCorrId: () => '' });
  const id = check?.data.id;
  return { replay, stateCheck: check && typeof id === 'string' ? { kind: check.kind, id } : null };
}

/** The request as the editor shows it. */
export const requestText = (request: ReplayRequest): string => JSON.stringify(request, null, 2);

/** What "Send" does with the text in the editor: blocked (errors), a read (one click), or a write (confirm first). */
export type SendPlan =
  | { mode: 'blocked'; errors: string[]; warnings: string[] }
  | { mode: 'read' | 'write'; request: ReplayRequest; info: KindInfo; change: string; warnings: string[] };

export function planSend(text: string, now: number = Date.now()): SendPlan {
  const v: ValidationResult = validateRequestText(text);
  if (!v.ok) return { mode: 'blocked', errors: v.errors, warnings: v.warnings };
  const info = classifyKind(v.request.kind);
  if (!info) return { mode: 'blocked', errors: [`kind "${v.request.kind}" is not an operation of the protocol.`], warnings: v.warnings };
  const warnings = [...v.warnings];
  if (info.needsDebug) warnings.push(`${info.kind} needs a server started with --debug; otherwise it answers 403 Debug operations are disabled.`);
  return { mode: info.access, request: v.request, info, change: describeChange(v.request, now), warnings };
}

/** A kind's class in a few words, for a badge. */
export function kindLabel(info: KindInfo): string {
  if (info.class === 'read') return 'Read: changes nothing';
  return info.class === 'idempotent' ? 'Write: idempotent' : 'Write: not idempotent';
}

/** A starting point in the editor: the finding's own request, or a new request of a related kind. */
export type Starter = { value: string; label: string };

/** `pasted` (or `built`) first, then the other kinds of the nouns the finding names (promise, task, schedule). */
export function starters(finding: Finding): Starter[] {
  const own = buildReplay(finding, { newCorrId: () => '' });
  const out: Starter[] = [];
  if (own) out.push({ value: 'own', label: own.origin === 'pasted' ? `The pasted request (${own.request.kind})` : `A ${own.request.kind} built from the finding` });
  const nouns = new Set<string>(Object.keys(finding.ids));
  const ownKind = finding.kind ? normalizeKind(finding.kind) : null;
  if (ownKind) nouns.add(ownKind.split('.')[0] ?? '');
  for (const kind of Object.keys(DATA_FIELDS)) {
    if (!isKind(kind) || kind.endsWith('.search') || kind.startsWith('debug.')) continue;
    if (!nouns.has(kind.split('.')[0] ?? '')) continue;
    if (own && own.origin === 'built' && own.request.kind === kind) continue;
    out.push({ value: kind, label: `A new ${kind} request` });
  }
  return out;
}

/** The request for a starter: the finding's own (pasted or built), or one built for another kind from its ids. */
export function buildStarter(finding: Finding, value: string): BuiltRequest | null {
  if (value === 'own') return buildReplay(finding);
  if (!isKind(value)) return null;
  const built = buildReplay({ kind: value, ids: finding.ids, request: null, response: finding.response });
  return built ? { ...built, notes: [`A new ${value} built from the ids in the finding.`, ...built.notes] } : null;
}
