import type { Group } from '../../core/triage/group';
import { summaryCsv, summaryDiscord, summaryMarkdown } from '../../core/triage/export';
import type { SummaryOptions } from '../../core/triage/export';
import { paths } from '../../lib/paths';

/** The summary's export formats. */
export type ExportFormat = 'markdown' | 'csv' | 'discord';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  csv: 'CSV',
  discord: 'Discord',
};

/**
 * Options of the core's summaries for this page: entry titles link to the entry's page on this very site
 * (`baseHref` is the page's address; its fragment is replaced), and the heading says the catalog version.
 */
export function summaryOptions(catalogVersion: string, baseHref: string): SummaryOptions {
  return {
    catalogVersion,
    entryUrl: (id) => {
      try {
        return new URL(paths.entry.href(id), baseHref).href;
      } catch {
        return paths.entry.href(id);
      }
    },
  };
}

/** The summary of these groups in a format. */
export function exportText(format: ExportFormat, groups: readonly Group[], options: SummaryOptions): string {
  switch (format) {
    case 'markdown':
      return summaryMarkdown(groups, options);
    case 'csv':
      return summaryCsv(groups);
    case 'discord':
      return summaryDiscord(groups, options);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `resonate-summary-2026-11-25-0256.md` (local time of the download). */
export function exportFileName(format: 'markdown' | 'csv', now: Date): string {
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `resonate-summary-${stamp}.${format === 'csv' ? 'csv' : 'md'}`;
}

/** The MIME type of a download; CSV starts with a byte-order mark so that spreadsheets read it as UTF-8. */
export function exportFile(format: 'markdown' | 'csv', text: string): { mime: string; body: string } {
  return format === 'csv'
    ? { mime: 'text/csv;charset=utf-8', body: `\ufeff${text}` }
    : { mime: 'text/markdown;charset=utf-8', body: text };
}
