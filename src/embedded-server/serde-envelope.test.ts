import { describe, expect, it } from 'vitest';
import { serdeEnvelopeError } from './serde-envelope';

const ok = '{"kind":"promise.get","head":{"corrId":"c-17","version":"2026-04-01"},"data":{"id":"order-42"}}';

describe('serdeEnvelopeError (server-protocol.md §7)', () => {
  it('accepts a valid envelope, unknown fields, null options, and the array form serde allows', () => {
    expect(serdeEnvelopeError(ok)).toBeNull();
    expect(serdeEnvelopeError('{"kind":"x","extra":[1,{"a":null}],"head":{"corrId":"","version":"v","auth":null,"resonate:debug_time":5},"data":5}')).toBeNull();
    expect(serdeEnvelopeError('  \n{"kind":"k","head":{"corrId":"c","version":"v"},"data":null}\n')).toBeNull();
    expect(serdeEnvelopeError('["promise.get",{"corrId":"c","version":"2026-04-01"},{"id":"x"}]')).toBeNull();
  });

  it('reports a missing field at the closing brace of its object', () => {
    expect(serdeEnvelopeError('{"kind":"promise.get","head":{"corrId":"c-17"},"data":{"id":"order-42"}}')).toBe('missing field `version` at line 1 column 46');
    expect(serdeEnvelopeError('{"head":{"corrId":"c","version":"v"},"data":{}}')).toBe('missing field `kind` at line 1 column 47');
    expect(serdeEnvelopeError('{"kind":"k","corrId":"c","data":{}}')).toBe('missing field `head` at line 1 column 35');
    expect(serdeEnvelopeError('{\n  "kind": "k",\n  "head": {"version": "v"},\n  "data": {}\n}')).toBe('missing field `corrId` at line 3 column 26');
  });

  it('reports a wrong type at the last character of the bad token', () => {
    expect(serdeEnvelopeError('{"kind":"promise.get","head":{"corrId":42,"version":"v"},"data":{}}')).toBe('invalid type: integer `42`, expected a string at line 1 column 41');
    expect(serdeEnvelopeError('{"kind":null,"head":{}}')).toBe('invalid type: null, expected a string at line 1 column 12');
    expect(serdeEnvelopeError('{"kind":["a"]}')).toBe('invalid type: sequence, expected a string at line 1 column 8');
    expect(serdeEnvelopeError('{"kind":"k","head":"h"}')).toBe('invalid type: string "h", expected struct RequestHead at line 1 column 22');
    expect(serdeEnvelopeError('{"kind":"k","head":{"corrId":"c","version":"v","resonate:debug_time":1.5},"data":{}}')).toBe(
      'invalid type: floating point `1.5`, expected i64 at line 1 column 72',
    );
    expect(serdeEnvelopeError('null')).toBe('invalid type: null, expected struct RequestEnvelope at line 1 column 4');
    expect(serdeEnvelopeError('42')).toBe('invalid type: integer `42`, expected struct RequestEnvelope at line 1 column 2');
  });

  it('reports syntax errors as serde_json words them', () => {
    expect(serdeEnvelopeError('')).toBe('EOF while parsing a value at line 1 column 0');
    expect(serdeEnvelopeError('kind=promise.get&id=1')).toBe('expected value at line 1 column 1');
    expect(serdeEnvelopeError("{'kind': 'promise.get'}")).toBe('key must be a string at line 1 column 2');
    expect(serdeEnvelopeError('{"kind":"promise.get"')).toBe('EOF while parsing an object at line 1 column 21');
    expect(serdeEnvelopeError(`${ok} x`)).toBe('trailing characters at line 1 column 97');
    expect(serdeEnvelopeError('{"kind":"k",}')).toBe('trailing comma at line 1 column 13');
    expect(serdeEnvelopeError('{"kind" "k"}')).toBe('expected `:` at line 1 column 9');
    expect(serdeEnvelopeError('{"kind":"k" "head":{}}')).toBe('expected `,` or `}` at line 1 column 13');
    expect(serdeEnvelopeError('{"kind":"a\\qb"}')).toBe('invalid escape at line 1 column 12');
    expect(serdeEnvelopeError('{"kind":"a\nb"}')).toBe('control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0');
    expect(serdeEnvelopeError('{"kind":"k","kind":"k"}')).toBe('duplicate field `kind` at line 1 column 18');
  });

  it('stops at the first problem in document order', () => {
    // The type error comes before the syntax error further on.
    expect(serdeEnvelopeError('{"kind":1,"head":')).toBe('invalid type: integer `1`, expected a string at line 1 column 9');
  });

  it('counts columns in UTF-8 bytes', () => {
    expect(serdeEnvelopeError('{"kind":"é","head":{}}')).toBe('missing field `corrId` at line 1 column 22');
  });

  it('survives deep nesting and big inputs without overflowing the stack', () => {
    expect(serdeEnvelopeError(`{"kind":"k","data":${'['.repeat(100_000)}`)).toMatch(/^recursion limit exceeded at line 1 column \d+$/);
    const big = `{"kind":"k","head":{"corrId":"c","version":"v"},"data":{"x":"${'a'.repeat(1_000_000)}"}}`;
    expect(serdeEnvelopeError(big)).toBeNull();
  });
});
