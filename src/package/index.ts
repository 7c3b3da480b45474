/**
 * The `resonate-inspector` library: the page's decoder, catalog and reports, for bots, docs sites and scripts.
 *
 *   import { decode } from 'resonate-inspector';
 *   for (const f of decode(logText)) console.log(f.title, f.retry);
 */
import type { Catalog } from '../core/catalog/catalog-types';
import { decode as decodeWith } from '../core/decode/decode';
import type { Finding } from '../core/decode/finding';
import { catalog } from './catalog';

/**
 * Every Resonate error, envelope or trace in `text`, diagnosed against the catalog (the bundled one unless
 * another is given), most important first. Never throws.
 */
export function decode(text: string, withCatalog: Catalog = catalog): Finding[] {
  return decodeWith(text, withCatalog);
}

export { catalog };
export { parseCatalog, findEntry, type ParseCatalogResult } from '../core/catalog/parse-catalog';
export { entriesForCode } from '../core/decode/readers/fragments';
export { buildGithubReport, githubSearchUrl, type GithubReport, type GithubReportOptions, type GithubTemplate } from '../core/report/github';
export { buildDiscordMessage, DISCORD_LIMIT, type DiscordMessage, type DiscordOptions } from '../core/report/discord';
export { buildMarkdownReport, buildMarkdownReportAll, type MarkdownReport } from '../core/report/markdown';
export type { ReportOptions } from '../core/report/report-parts';
export {
  redact,
  redactJson,
  redactFinding,
  mergeRedactions,
  type Redaction,
  type RedactionKind,
  type RedactOptions,
  type RedactResult,
  type RedactFindingOptions,
} from '../core/report/redact';
export type { Catalog, CatalogEntry, EntryMatch, KindVariant, RetryAdvice, Source, Verdict } from '../core/catalog/catalog-types';
export type { Finding, Frame, ChainLink, Span, Versions, Wrapped } from '../core/decode/finding';
export type { NearEntry } from '../core/decode/nearest';
