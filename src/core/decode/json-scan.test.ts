import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedEnd, balancedEndOnce, parseJsonish, pythonReprToJson } from './json-scan';

describe('balancedEnd', () => {
  it('finds the end of an object, ignoring braces in strings', () => {
    const s = 'x {"a":"}{","b":{"c":[1,2]}} y';
    expect(s.slice(2, balancedEnd(s, 2))).toBe('{"a":"}{","b":{"c":[1,2]}}');
  });
  it('rejects code blocks and unbalanced input', () => {
    expect(balancedEnd('function f() { return 1 }', 13)).toBe(-1);
    expect(balancedEnd('{"a":1', 0)).toBe(-1);
    expect(balancedEnd("{ code: '02' }", 0)).toBe(-1);
  });
});

describe('balancedEndOnce', () => {
  it('finds the end balancedEnd finds, from any start of any text of brackets, quotes and escapes', () => {
    const text = fc.array(fc.constantFrom('{', '}', '[', ']', '"', "'", '\\', ':', 'a', ' ', '\n'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (let p = t.indexOf('{'); p >= 0; p = t.indexOf('{', p + 1)) expect(balancedEndOnce(t, p)).toBe(balancedEnd(t, p));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseJsonish', () => {
  it('reads JSON and Python dict reprs, and never throws', () => {
    expect(parseJsonish('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonish("{'kind': 'task.get', 'ok': True, 'x': None, 'q': 'it\\'s \"x\"'}")).toEqual({
      kind: 'task.get',
      ok: true,
      x: null,
      q: 'it\'s "x"',
    });
    expect(parseJsonish('{nope')).toBeUndefined();
    expect(pythonReprToJson("{'a': False}")).toBe('{"a": false}');
  });
});
