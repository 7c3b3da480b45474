import { describe, expect, it } from 'vitest';
import { normalizeLines } from '../decode/normalize';
import { boundaryKind, safeBoundaries } from './chunks';

const linesOf = (text: string) => normalizeLines(text);
const kindBefore = (text: string, needle: string) => {
  const lines = linesOf(text);
  const b = lines.findIndex((l) => l.text.startsWith(needle));
  return boundaryKind(lines, b);
};

describe('boundaryKind', () => {
  it('accepts a blank line that ends a record, and a line that starts a new one', () => {
    expect(kindBefore('ValueError: x\n\nsomething else', 'something')).toBe('blank');
    expect(kindBefore('2026-11-25 02:56:10,741 INFO a\n2026-11-25 02:56:11,000 INFO b', '2026-11-25 02:56:11')).toBe('record');
    expect(kindBefore('2026-11-25 02:56:10,741 INFO a\nTraceback (most recent call last):\n  File "x.py", line 1, in f\nValueError: x', 'Traceback')).toBe('record');
    expect(kindBefore('{"level":"info","msg":"a"}\n{"level":"info","msg":"b"}', '{"level":"info","msg":"b"}')).toBe('record');
    expect(kindBefore('time=2026-11-25T02:56:10Z level=INFO msg=a\ntime=2026-11-25T02:56:11Z level=INFO msg=b', 'time=2026-11-25T02:56:11Z')).toBe('record');
  });

  it('refuses the inside of a traceback and its chain', () => {
    const chain = 'Traceback (most recent call last):\n  File "a.py", line 1, in f\nKeyError: 1\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "b.py", line 2, in g\nValueError: 2';
    const lines = linesOf(chain);
    for (let b = 1; b < lines.length; b++) expect(boundaryKind(lines, b), lines[b]?.text).toBeNull();
  });

  it('refuses to split curl -i headers from their body, a request from its response, a JS stack from its footer', () => {
    expect(kindBefore('HTTP/1.1 503 Service Unavailable\ncontent-type: text/plain\n\nPoll registration at capacity', 'Poll')).toBeNull();
    expect(kindBefore('{"kind":"promise.get","head":{"corrId":"1","version":"2026-04-01"},"data":{"id":"a"}}\n{"kind":"promise.get","head":{"corrId":"1","status":404,"version":"2026-04-01"},"data":"Promise not found"}', '{"kind":"promise.get","head":{"corrId":"1","status"')).toBeNull();
    expect(kindBefore('{\n  "kind": "promise.create"\n}\n\nResponse (400):\n{"a":1}', 'Response')).toBeNull();
    expect(kindBefore('Error: boom\n    at f (/x.js:1:1)\n\nNode.js v20.1.0', 'Node.js')).toBeNull();
    expect(kindBefore('$ curl -s localhost:8001\n{"error":"x"}', '{"error"')).toBeNull();
  });

  it('does not split a pytest section or the shutdown banner', () => {
    const pytest = '_____ test_get _____\n\n    def test_get():\n\nE   ValueError: x\n\ntests/t.py:5: ValueError\n===== 1 failed =====\n\nafter';
    const lines = linesOf(pytest);
    const allowed = safeBoundaries(lines).map((b) => lines[b.line]?.text);
    expect(allowed).toEqual(['after']);
    const banner = 'Resonate encountered an unexpected exception and had to shut down.\n\n📦 Version:     0.6.7\n\nTraceback (most recent call last):\n  File "a.py", line 1, in f\nValueError: x\n\n🔗 Please help us\nhttps://github.com/resonatehq/resonate-sdk-py/issues/new?body=x\n\n2026-11-25 02:56:10,741 INFO after';
    const bl = linesOf(banner);
    expect(safeBoundaries(bl).map((b) => bl[b.line]?.text)).toEqual(['2026-11-25 02:56:10,741 INFO after']);
  });
});
