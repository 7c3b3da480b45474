/**
 * Property: GENERATED secrets (JWTs, bearer tokens, API keys and tokens, passwords in URLs and fields,
 * promise payloads) planted into real pastes (the shared fixtures) at random places and in envelope fields
 * never survive into a GitHub URL (decoded back too), a Discord message or a Markdown report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode } from '../decode/decode';
import { DISCORD_LIMIT, buildDiscordMessage } from './discord';
import { DEFAULT_URL_BUDGET, buildGithubReport } from './github';
import { buildMarkdownReport, buildMarkdownReportAll } from './markdown';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import type { Secret } from './test-secrets';
import { SNIPPETS, base64, jwtCores, jwtOf, leaked, plantAt, plantInEnvelopes } from './test-secrets';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const samples: string[] = readSharedFixtures().map((f) => f.input);

// ---------------------------------------------------------------------------------------------------------
// Generators: random material in the shapes real secrets have.

const chars = (alphabet: string) => fc.constantFrom(...alphabet.split(''));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random enough to be a secret, and to never occur in a paste or a catalog text by chance. */
const varied = (s: string): boolean => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && new Set(s).size >= 8;
const plainString = (alphabet: string, min: number, max: number) => fc.string({ unit: chars(alphabet), minLength: min, maxLength: max });
const randomString = (alphabet: string, min: number, max: number) => plainString(alphabet, min, max).filter(varied);

const token = randomString(ALNUM, 20, 40);
const password = randomString(`${ALNUM}!*._~-`, 12, 24);
const bytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 12, maxLength: 96 });

const jwt = fc
  .record({
    alg: fc.constantFrom('RS256', 'ES256', 'EdDSA', 'HS256', 'none'),
    kid: randomString(ALNUM, 8, 16),
    sub: randomString(ALNUM, 8, 16),
    prefix: fc.constantFrom('', 'order-', 'billing/'),
    exp: fc.integer({ min: 1_700_000_000, max: 2_000_000_000 }),
    signature: fc.oneof(randomString(`${ALNUM}_-`, 16, 86), fc.constant('')),
  })
  .map(({ alg, kid, sub, prefix, exp, signature }) => jwtOf({ alg, typ: 'JWT', kid }, { sub, prefix, exp, role: 'worker' }, alg === 'none' ? '' : signature));

const jwtSecret: fc.Arbitrary<Secret> = fc
  .tuple(jwt, fc.constantFrom(...SNIPPETS.jwt))
  .map(([t, shape]) => ({ snippet: shape(t), cores: jwtCores(t) }));
const bearerSecret: fc.Arbitrary<Secret> = fc.tuple(token, fc.constantFrom(...SNIPPETS.bearer)).map(([t, shape]) => ({ snippet: shape(t), cores: [t] }));
const basicSecret: fc.Arbitrary<Secret> = fc.tuple(plainString(ALNUM, 4, 10), password).map(([user, pass]) => {
  const encoded = base64([...new TextEncoder().encode(`${user}:${pass}`)]);
  return { snippet: `Authorization: Basic ${encoded}`, cores: [encoded, pass] };
});
const fieldSecret: fc.Arbitrary<Secret> = fc.tuple(token, fc.constantFrom(...SNIPPETS.token)).map(([t, shape]) => ({ snippet: shape(t), cores: [t] }));
const apiKeySecret: fc.Arbitrary<Secret> = fc
  .oneof(
    randomString(ALNUM, 24, 32).map((s) => `sk_live_${s}`),
    randomString(ALNUM, 36, 36).map((s) => `ghp_${s}`),
    fc.tuple(plainString('0123456789', 10, 12), randomString(ALNUM, 24, 24)).map(([n, s]) => `xoxb-${n}-${n}-${s}`),
    randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16, 16).map((s) => `AKIA${s}`),
  )
  .map((key) => ({ snippet: key, cores: [key] }));
const passwordSecret: fc.Arbitrary<Secret> = fc.tuple(password, fc.constantFrom(...SNIPPETS.password)).map(([p, shape]) => ({ snippet: shape(p), cores: [p] }));
const payloadSecret: fc.Arbitrary<Secret> = bytes.map((b) => {
  const data = base64(b);
  return { snippet: `"value": {"headers": {}, "data": "${data}"}`, cores: [data] };
});

const secret = fc.oneof(jwtSecret, bearerSecret, basicSecret, fieldSecret, apiKeySecret, passwordSecret, payloadSecret);

/**
 * A real paste with secrets planted at random places (each one whole: positions are taken on the original
 * text and filled from the end, so no secret lands inside another), then in its envelopes (head.auth, payloads).
 */
const plantedPaste = fc
  .record({
    sample: fc.constantFrom(...samples),
    envelopeJwt: jwt,
    envelopePayload: bytes.map((b) => base64(b)),
    planted: fc.array(fc.tuple(secret, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }),
  })
  .map(({ sample, envelopeJwt, envelopePayload, planted }) => {
    let text = sample;
    const secrets: Secret[] = [];
    const byPosition = planted.map(([s, at, ownLine]) => ({ s, at: at % (sample.length + 1), ownLine })).sort((a, b) => b.at - a.at);
    for (const { s, at, ownLine } of byPosition) {
      text = plantAt(text, at, s.snippet, ownLine);
      secrets.push(s);
    }
    const withEnvelopes = plantInEnvelopes(text, envelopeJwt, envelopePayload);
    if (withEnvelopes !== text) secrets.push({ snippet: 'envelope head.auth', cores: jwtCores(envelopeJwt) }, { snippet: 'envelope payload', cores: [envelopePayload] });
    return { text: withEnvelopes, secrets };
  });

function outputs(text: string): string[] {
  const findings = decode(text, catalog);
  const out = [buildMarkdownReportAll(findings, catalog, { pastedText: text }).text];
  for (const f of findings.slice(0, 2)) {
    const gh = buildGithubReport(f, catalog, { pastedText: text, appUrl: 'https://inspector.example/' });
    expect(gh.url.length).toBeLessThanOrEqual(DEFAULT_URL_BUDGET);
    const discord = buildDiscordMessage(f, catalog, { pastedText: text });
    expect(discord.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    out.push(
      gh.url,
      ...new URL(gh.url).searchParams.values(),
      gh.fullBody,
      gh.searchUrl,
      ...new URL(gh.searchUrl).searchParams.values(),
      discord.text,
      buildMarkdownReport(f, catalog, { pastedText: text }).text,
    );
  }
  return out;
}

// endOnFailure: report the first counterexample as is; shrinking a decode-and-report run takes minutes here.
describe('no planted secret survives into a report', () => {
  it('GitHub URL (and its decoded fields), Discord message, Markdown reports', () => {
    fc.assert(
      fc.property(plantedPaste, ({ text, secrets }) => {
        expect(leaked(outputs(text), secrets)).toBeNull();
      }),
      { numRuns: 250, endOnFailure: true },
    );
  });

  it('a secret on its own, as the whole paste', () => {
    fc.assert(
      fc.property(secret, (s) => {
        expect(leaked(outputs(s.snippet), [s])).toBeNull();
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('secrets inside the fields a report shows directly: the message, the request, the trace', () => {
    fc.assert(
      fc.property(fc.tuple(secret, jwt, bytes), ([s, t, b]) => {
        const payload = base64(b);
        const request = `{"kind":"promise.create","head":{"corrId":"c-1","version":"2026-04-01","auth":"${t}"},"data":{"id":"order-1","timeoutAt":1,"param":{"headers":{},"data":"${payload}"}}}`;
        const escaped = JSON.stringify(s.snippet);
        const response = `{"kind":"promise.create","head":{"corrId":"c-1","status":400,"version":"2026-04-01"},"data":"Invalid request: ${escaped.slice(1, -1)}"}`;
        const trace = `Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    run(${escaped})\nValueError: bad value ${s.snippet}`;
        const secrets: Secret[] = [s, { snippet: 'head.auth', cores: jwtCores(t) }, { snippet: 'payload', cores: [payload] }];
        expect(leaked(outputs(`${request}\n${response}`), secrets)).toBeNull();
        expect(leaked(outputs(trace), [s])).toBeNull();
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });
});

describe('reports never throw and keep their limits', () => {
  it('on cut, spliced and corrupted pastes', () => {
    const mangled = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 60 }))
      .map(([s, a, b, junk]) => {
        const i = a % (s.length + 1);
        const j = b % (s.length + 1);
        return `${s.slice(0, Math.min(i, j))}${junk}${s.slice(Math.max(i, j))}`;
      });
    fc.assert(
      fc.property(fc.oneof(mangled, fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const findings = decode(text, catalog);
        for (const f of findings) {
          const gh = buildGithubReport(f, catalog, { pastedText: text });
          expect(gh.url.length).toBeLessThanOrEqual(DEFAULT_URL_BUDGET);
          expect(gh.title.length).toBeLessThan(256);
          expect(buildDiscordMessage(f, catalog, { pastedText: text }).text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
        }
        expect(typeof buildMarkdownReportAll(findings, catalog, { pastedText: text }).text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
