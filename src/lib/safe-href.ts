/**
 * Catalog data is trusted more than a paste, but links still go through here: only http(s) URLs
 * become hrefs (never `javascript:` or `data:`).
 */
export function safeHref(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The GitHub new-issue page of an `owner/name` repository, or null when the name is not one. */
export function issuesHref(repo: string | undefined | null): string | null {
  if (!repo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) return null;
  return `https://github.com/${repo}/issues`;
}
