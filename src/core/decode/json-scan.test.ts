import { describe, expect, it } from 'vitest';
import { balancedEnd, parseJsonish, pythonReprToJson } from './json-scan';

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
