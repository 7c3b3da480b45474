/**
 * Reads a request body the way the Rust server does, `serde_json::from_slice::<RequestEnvelope>` (server-protocol.md
 * §3 step 1, §7): a streaming parse that stops at the first problem in document order and words it as serde_json
 * does, with its ` at line L column C` suffix. Best effort: the wording and positions follow serde_json 1.0's rules
 * (missing fields at the closing `}`, type errors at the last character of the bad token, syntax errors at the
 * offending character), without running the Rust code.
 *
 * RequestEnvelope { kind: String, head: RequestHead, data: Value }
 * RequestHead { corrId: String, version: String, auth: Option<String>, "resonate:debug_time": Option<i64> }
 */

export class SerdeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SerdeError';
  }
}

type Scalar = 'string' | 'option-string' | 'option-i64' | 'any';
type StructSpec = { name: string; fields: Array<[string, Expect]>; required: string[] };
type Expect = Scalar | StructSpec;

const HEAD: StructSpec = {
  name: 'RequestHead',
  fields: [
    ['corrId', 'string'],
    ['version', 'string'],
    ['auth', 'option-string'],
    ['resonate:debug_time', 'option-i64'],
  ],
  required: ['corrId', 'version'],
};
const ENVELOPE: StructSpec = {
  name: 'RequestEnvelope',
  fields: [
    ['kind', 'string'],
    ['head', HEAD],
    ['data', 'any'],
  ],
  required: ['kind', 'head', 'data'],
};

/** serde_json's recursion limit. */
const MAX_DEPTH = 128;
const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

type Num = { text: string; integer: boolean };

class Reader {
  private i = 0;
  private depth = 0;
  private readonly s: string;
  constructor(s: string) {
    this.s = s;
  }

  /** Position after `consumed` characters: line, and the column in UTF-8 bytes (serde counts bytes). */
  private at(consumed: number): string {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < consumed && k < this.s.length; k++) {
      if (this.s.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    const column = new TextEncoder().encode(this.s.slice(lineStart, Math.min(consumed, this.s.length))).length;
    return `line ${line} column ${column}`;
  }
  /** An error at the last consumed character. */
  private error(message: string): SerdeError {
    return new SerdeError(`${message} at ${this.at(this.i)}`);
  }
  /** An error at the next (peeked) character. */
  private peekError(message: string): SerdeError {
    return new SerdeError(`${message} at ${this.at(Math.min(this.s.length, this.i + 1))}`);
  }
  private peek(): string | undefined {
    return this.i < this.s.length ? this.s[this.i] : undefined;
  }
  private ws(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\n' || c === '\t' || c === '\r') this.i++;
      else break;
    }
  }

  read(): void {
    this.value(ENVELOPE);
    this.ws();
    if (this.i < this.s.length) throw this.peekError('trailing characters');
  }

  private value(expect: Expect): void {
    this.ws();
    const c = this.peek();
    if (c === undefined) throw this.peekError('EOF while parsing a value');
    if (typeof expect === 'object') {
      if (c === '{') return this.struct(expect);
      if (c === '[') return this.structSeq(expect);
      return this.invalidType(`struct ${expect.name}`);
    }
    switch (expect) {
      case 'any':
        return this.any();
      case 'string':
      case 'option-string':
        if (c === '"') {
          this.i++;
          this.string();
          return;
        }
        if (expect === 'option-string' && c === 'n') return this.ident('null');
        return this.invalidType('a string');
      case 'option-i64': {
        if (c === 'n') return this.ident('null');
        if (c === '-' || (c >= '0' && c <= '9')) {
          const n = this.number();
          if (!n.integer) throw this.error(`invalid type: floating point \`${floatText(n.text)}\`, expected i64`);
          const big = BigInt(n.text);
          if (big > I64_MAX || big < I64_MIN) throw this.error(`invalid value: integer \`${n.text}\`, expected i64`);
          return;
        }
        return this.invalidType('i64');
      }
    }
  }

  /** serde_json's peek_invalid_type: scalars are consumed (the position is their last character); `{`/`[` are not. */
  private invalidType(expected: string): never {
    const c = this.peek();
    let unexpected: string;
    if (c === 'n') {
      this.ident('null');
      unexpected = 'null';
    } else if (c === 't' || c === 'f') {
      const word = c === 't' ? 'true' : 'false';
      this.ident(word);
      unexpected = `boolean \`${word}\``;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const n = this.number();
      unexpected = n.integer ? `integer \`${n.text}\`` : `floating point \`${floatText(n.text)}\``;
    } else if (c === '"') {
      this.i++;
      unexpected = `string ${JSON.stringify(this.string())}`;
    } else if (c === '[') {
      unexpected = 'sequence';
    } else if (c === '{') {
      unexpected = 'map';
    } else {
      throw this.peekError('expected value');
    }
    throw this.error(`invalid type: ${unexpected}, expected ${expected}`);
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) throw this.error('recursion limit exceeded');
  }

  /**
   * Walks an object the way serde_json does (commas, trailing comma, `:`), with its error texts and positions:
   * `onKey` sees each key before its colon, `onValue` reads the value after it.
   */
  private objectEntries(onKey: (key: string) => void, onValue: (key: string) => void): void {
    this.enter();
    this.i++; // {
    let first = true;
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === '}') {
        this.i++;
        break;
      }
      if (!first) {
        if (c === ',') {
          this.i++;
          this.ws();
          if (this.peek() === '}') throw this.peekError('trailing comma');
        } else if (c === undefined) throw this.peekError('EOF while parsing an object');
        else throw this.peekError('expected `,` or `}`');
      }
      first = false;
      const k = this.peek();
      if (k === undefined) throw this.peekError('EOF while parsing a value');
      if (k !== '"') throw this.peekError('key must be a string');
      this.i++;
      const key = this.string();
      onKey(key);
      this.ws();
      const colon = this.peek();
      if (colon === undefined) throw this.peekError('EOF while parsing an object');
      if (colon !== ':') throw this.peekError('expected `:`');
      this.i++;
      onValue(key);
    }
    this.depth--;
  }

  /** Walks a list the way serde_json does; `onItem` reads item n. Returns the number of items. */
  private seqItems(onItem: (n: number) => void): number {
    this.enter();
    this.i++; // [
    let n = 0;
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === ']') {
        this.i++;
        break;
      }
      if (n > 0) {
        if (c === ',') {
          this.i++;
          this.ws();
          if (this.peek() === ']') throw this.peekError('trailing comma');
        } else if (c === undefined) throw this.peekError('EOF while parsing a list');
        else throw this.peekError('expected `,` or `]`');
      }
      onItem(n);
      n++;
    }
    this.depth--;
    return n;
  }

  private struct(spec: StructSpec): void {
    const seen = new Set<string>();
    this.objectEntries(
      (key) => {
        if (seen.has(key) && spec.fields.some(([name]) => name === key)) throw this.error(`duplicate field \`${key}\``);
      },
      (key) => {
        const field = spec.fields.find(([name]) => name === key);
        if (field) {
          seen.add(key);
          this.value(field[1]);
        } else {
          this.any();
        }
      },
    );
    for (const name of spec.required) {
      if (!seen.has(name)) throw this.error(`missing field \`${name}\``);
    }
  }

  /** serde_json also reads a struct from an array, fields in declaration order. */
  private structSeq(spec: StructSpec): void {
    const n = this.seqItems((i) => {
      const field = spec.fields[i];
      if (!field) throw this.peekError('trailing characters');
      this.value(field[1]);
    });
    if (n < spec.required.length) throw this.error(`invalid length ${n}, expected struct ${spec.name} with ${spec.fields.length} elements`);
  }

  private any(): void {
    this.ws();
    const c = this.peek();
    if (c === undefined) throw this.peekError('EOF while parsing a value');
    if (c === '{') {
      this.objectEntries(
        () => undefined,
        () => this.any(),
      );
      return;
    }
    if (c === '[') {
      this.seqItems(() => this.any());
      return;
    }
    if (c === '"') {
      this.i++;
      this.string();
      return;
    }
    if (c === 'n') return this.ident('null');
    if (c === 't') return this.ident('true');
    if (c === 'f') return this.ident('false');
    if (c === '-' || (c >= '0' && c <= '9')) {
      this.number();
      return;
    }
    throw this.peekError('expected value');
  }

  private ident(word: string): void {
    this.i++; // first letter, already peeked
    for (let k = 1; k < word.length; k++) {
      const c = this.peek();
      if (c === undefined) throw this.peekError('EOF while parsing a value');
      this.i++;
      if (c !== word[k]) throw this.error('expected ident');
    }
  }

  /** After the opening quote; returns the decoded string. */
  private string(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.peekError('EOF while parsing a string');
      this.i++;
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.peek();
        if (e === undefined) throw this.peekError('EOF while parsing a string');
        this.i++;
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) out += simple[e] ?? '';
        else if (e === 'u') {
          const hex = this.s.slice(this.i, this.i + 4);
          for (let k = 0; k < 4; k++) {
            const h = this.peek();
            if (h === undefined) throw this.peekError('EOF while parsing a string');
            this.i++;
            if (!/[0-9a-fA-F]/.test(h)) throw this.error('invalid escape');
          }
          out += String.fromCharCode(parseInt(hex, 16));
        } else throw this.error('invalid escape');
        continue;
      }
      if (c.charCodeAt(0) < 0x20) throw this.error('control character (\\u0000-\\u001F) found while parsing a string');
      out += c;
    }
  }

  private number(): Num {
    const start = this.i;
    let integer = true;
    if (this.peek() === '-') this.i++;
    const digits = (): number => {
      let n = 0;
      for (let c = this.peek(); c !== undefined && c >= '0' && c <= '9'; c = this.peek()) {
        this.i++;
        n++;
      }
      return n;
    };
    const first = this.peek();
    if (first === undefined) throw this.peekError('EOF while parsing a value');
    if (first === '0') {
      this.i++;
      const next = this.peek();
      if (next !== undefined && next >= '0' && next <= '9') throw this.peekError('invalid number');
    } else if (first >= '1' && first <= '9') digits();
    else throw this.peekError('invalid number');
    if (this.peek() === '.') {
      integer = false;
      this.i++;
      if (this.peek() === undefined) throw this.peekError('EOF while parsing a value');
      if (digits() === 0) throw this.peekError('invalid number');
    }
    const e = this.peek();
    if (e === 'e' || e === 'E') {
      integer = false;
      this.i++;
      const sign = this.peek();
      if (sign === '+' || sign === '-') this.i++;
      if (this.peek() === undefined) throw this.peekError('EOF while parsing a value');
      if (digits() === 0) throw this.peekError('invalid number');
    }
    const text = this.s.slice(start, this.i);
    // Integers beyond u64/i64 are read as floats by serde_json.
    if (integer) {
      const big = BigInt(text);
      if (big > 18446744073709551615n || big < I64_MIN) integer = false;
    }
    return { text, integer };
  }
}

/** serde prints a float with a decimal point: `1000.0`, `1.5`, `1e300`. */
function floatText(text: string): string {
  const n = Number(text);
  const s = String(n);
  return /[.eE]/.test(s) || !Number.isFinite(n) ? s.replace('e+', 'e') : `${s}.0`;
}

/**
 * Checks that a body deserializes into a RequestEnvelope. Returns null when it does, or serde_json's message
 * (with its position) when it does not. Never throws.
 */
export function serdeEnvelopeError(body: string): string | null {
  try {
    new Reader(body).read();
    return null;
  } catch (e) {
    if (e instanceof SerdeError) return e.message;
    return `${e instanceof Error ? e.message : String(e)} at line 1 column 0`;
  }
}
