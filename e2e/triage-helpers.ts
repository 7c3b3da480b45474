import catalogJson from '../public/catalog.json' with { type: 'json' };
import type { Catalog } from '../src/core/catalog/catalog-types';
import { parseCatalog } from '../src/core/catalog/parse-catalog';
import { decode } from '../src/core/decode/decode';
import { groupFindings, type Group } from '../src/core/triage/group';
import { splitLogLines } from '../src/core/triage/timestamps';
import { generateMixedLog } from '../src/testing/mixed-log';
import { readSharedFixtures } from '../src/testing/shared-fixtures';

/** Logs and their expected summaries, computed with the core itself: the page must agree with it. */

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(`public/catalog.json: ${parsed.error}`);
export const catalog: Catalog = parsed.catalog;

export const MB = 1024 * 1024;

let samples: string[] | null = null;

/** A seeded mixed log of about `chars` characters, from the shared fixtures. */
export function mixedLog(chars: number, seed = 11): string {
  samples ??= readSharedFixtures().map((f) => f.input);
  return generateMixedLog({ samples, targetChars: chars, seed }).text;
}

/** The groups the page should show for `text`, with the log's times. */
export function expectedGroups(text: string): Group[] {
  return groupFindings(decode(text, catalog), splitLogLines(text));
}

/** "12,345". */
export const count = (n: number): string => new Intl.NumberFormat('en-US').format(n);

/** A title as the page names it: catalog `code` spans are shown as code, without their backticks. */
export const plain = (title: string): string => title.replace(/`([^`\n]+)`/g, '$1');
