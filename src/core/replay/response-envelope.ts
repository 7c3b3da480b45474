import { PROTOCOL_VERSION, isRecord } from './request-schema';

/** A response envelope as the server writes it (server-protocol.md §2): error ⇔ `data` is a string. */
export type ResponseEnvelope = {
  kind: string;
  head: { corrId: string; status: number; version: string };
  data: unknown;
};

/** Reads a parsed JSON value as a response envelope, or null (validated once, here, at the boundary). */
export function asResponseEnvelope(json: unknown): ResponseEnvelope | null {
  if (!isRecord(json) || typeof json.kind !== 'string' || !isRecord(json.head)) return null;
  const { corrId, status, version } = json.head;
  if (typeof status !== 'number' || !Number.isInteger(status)) return null;
  return {
    kind: json.kind,
    head: { corrId: typeof corrId === 'string' ? corrId : String(corrId ?? ''), status, version: typeof version === 'string' ? version : '' },
    data: json.data,
  };
}

/** Things worth saying about a response to a given request: echo fallbacks, status mismatches, versions. */
export function responseNotes(request: { kind: string; head: { corrId: string } }, envelope: ResponseEnvelope, httpStatus: number): string[] {
  const notes: string[] = [];
  if (envelope.head.status !== httpStatus) {
    notes.push(`The HTTP status (${httpStatus}) differs from head.status (${envelope.head.status}); the Rust server always sends them equal, so something in between rewrote the answer.`);
  }
  if (envelope.kind === 'unknown' && envelope.head.corrId === '0') {
    notes.push('kind "unknown" and corrId "0": the server could not read the request envelope (or it panicked), so it could not echo them.');
  } else {
    if (envelope.kind !== request.kind) notes.push(`The response's kind (${envelope.kind}) is not the request's (${request.kind}).`);
    if (envelope.head.corrId !== request.head.corrId) {
      notes.push(`The response's corrId (${envelope.head.corrId}) is not the request's (${request.head.corrId}); the TS SDK rejects such a response ("response did not match request").`);
    }
  }
  if (envelope.head.version !== PROTOCOL_VERSION) {
    notes.push(`head.version is "${envelope.head.version}": the Rust server always answers "${PROTOCOL_VERSION}", so this answer was not written by it.`);
  }
  if (envelope.head.status >= 400 && typeof envelope.data !== 'string') {
    notes.push('An error status whose data is not a string: the Rust server always sends the message as a string (the TS SDK’s LocalNetwork does not, for some errors).');
  }
  return notes;
}
