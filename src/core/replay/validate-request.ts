import { normalizeKind } from '../decode/envelope';
import {
  PROTOCOL_VERSION,
  dataTypeProblems,
  fenceActionProblems,
  isKind,
  isRecord,
  ruleMessages,
  semanticMessages,
  DATA_FIELDS,
  type ReplayRequest,
} from './request-schema';

export type ValidationResult =
  | { ok: true; request: ReplayRequest; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

/**
 * Checks a request envelope (parsed JSON, or the text of one) against the protocol's request types before it
 * is sent: kind ∈ the 26 kinds, head.corrId and head.version strings (version "2026-04-01"), and `data` an
 * object with each required field of its kind, in the right type, passing the server's own rules
 * (server-protocol.md §2, §4, §6). Errors name the path (`data.timeoutAt is missing (…)`). Never throws.
 */
export function validateRequest(json: unknown): ValidationResult {
  try {
    return validate(json);
  } catch (e) {
    return { ok: false, errors: [`The request could not be checked: ${e instanceof Error ? e.message : String(e)}`], warnings: [] };
  }
}

/** validateRequest on text typed in an editor: a JSON syntax error is an error like any other. */
export function validateRequestText(text: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`], warnings: [] };
  }
  return validateRequest(json);
}

function validate(json: unknown): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isRecord(json)) {
    return { ok: false, errors: ['The request must be a JSON object: {"kind": …, "head": {…}, "data": {…}}.'], warnings };
  }
  for (const k of Object.keys(json)) {
    if (k !== 'kind' && k !== 'head' && k !== 'data') {
      warnings.push(
        k === 'corrId'
          ? 'corrId belongs inside head (head.corrId); the top-level one is ignored.'
          : `The field "${k}" is not part of a request envelope; the server ignores it.`,
      );
    }
  }

  // kind
  const kind = json.kind;
  let known = false;
  if (typeof kind !== 'string' || kind === '') {
    errors.push('kind is missing: it must be one of the operation kinds, e.g. "promise.get".');
  } else if (isKind(kind)) {
    known = true;
  } else {
    const norm = normalizeKind(kind);
    errors.push(
      isKind(norm)
        ? `kind "${kind}" is the docs' spelling: the server's kind is "${norm}" (it answers "${kind}" with 400 Unknown operation).`
        : `kind "${kind}" is not an operation of the protocol (the server answers 400 Unknown operation: ${kind}).`,
    );
  }

  // head
  const head = json.head;
  if (!isRecord(head)) {
    errors.push(`head must be an object {"corrId": …, "version": "${PROTOCOL_VERSION}"}${head === undefined ? ', and it is missing' : ''}.`);
  } else {
    if (typeof head.corrId !== 'string') errors.push('head.corrId must be a string (any string; the server echoes it back).');
    else if (head.corrId === '') warnings.push('head.corrId is empty: accepted, but an empty corrId makes the response hard to match to its request.');
    if (typeof head.version !== 'string') errors.push(`head.version must be the string "${PROTOCOL_VERSION}".`);
    else if (head.version !== PROTOCOL_VERSION) {
      errors.push(`head.version "${head.version}" is not supported: the server accepts only "${PROTOCOL_VERSION}" (it would answer 400 Unsupported protocol version).`);
    }
    if ('auth' in head && head.auth !== null && typeof head.auth !== 'string') errors.push('head.auth must be a string (a JWT) when present.');
    const dt = head['resonate:debug_time'];
    if (dt !== undefined && dt !== null && !(typeof dt === 'number' && Number.isInteger(dt))) {
      errors.push('head["resonate:debug_time"] must be an integer (Unix epoch ms) when present.');
    }
    if ('corrID' in head || 'correlationId' in head) warnings.push('The head field is spelled corrId (camel case, capital I only).');
  }

  // data
  const data = json.data;
  if (!isRecord(data)) {
    errors.push(
      data === undefined
        ? 'data is missing: it must be an object, e.g. {"id": "order-42"}.'
        : `data must be an object, not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`} (the server answers 400 Invalid 'data' field).`,
    );
  } else if (known && typeof kind === 'string' && isKind(kind)) {
    const typeProblems = dataTypeProblems(kind, data);
    errors.push(...typeProblems.map((p) => p.text));
    if (typeProblems.length === 0) {
      const rules = ruleMessages(kind, data);
      errors.push(...rules.map((r) => `${r.path}: ${r.message}`));
      if (rules.length === 0) errors.push(...semanticMessages(kind, data).map((r) => `${r.path}: ${r.message}`));
      if (kind === 'task.fence') {
        const fence = fenceActionProblems(data);
        if (fence.kind !== 'promise.create' && fence.kind !== 'promise.settle') {
          errors.push(`data.action.kind must be promise.create or promise.settle${fence.kind ? `, not ${fence.kind}` : ''} (Invalid fence action kind).`);
        }
        errors.push(...fence.problems.map((p) => p.text), ...fence.rules.map((r) => `${r.path}: ${r.message}`));
      }
    }
    const fields = DATA_FIELDS[kind];
    for (const k of Object.keys(data)) {
      if (!(k in fields)) warnings.push(unknownFieldWarning(kind, k));
    }
  }

  if (errors.length > 0 || !known || !isRecord(head) || !isRecord(data)) return { ok: false, errors, warnings };
  return { ok: true, request: json as ReplayRequest, warnings };
}

/** Legacy field names the server silently ignores (server-protocol.md §2). */
const LEGACY_FIELDS: Record<string, string> = {
  timeout: 'timeoutAt (absolute epoch ms)',
  processId: 'pid',
  counter: 'version',
  idempotencyKey: 'nothing: v0.9.5 has no idempotency keys (a create is idempotent by id)',
  ikey: 'nothing: v0.9.5 has no idempotency keys',
  strict: 'nothing: v0.9.5 has no strict mode',
};

function unknownFieldWarning(kind: string, field: string): string {
  const instead = LEGACY_FIELDS[field];
  return instead
    ? `data.${field} is a legacy field the server ignores; ${kind} uses ${instead}.`
    : `data.${field} is not a field of ${kind}; the server ignores it.`;
}
