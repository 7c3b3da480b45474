/**
 * The app's hash routes, in one place. Features build links with `paths`; the app shell parses the
 * current hash with `parseHash`. Hash routing keeps the app a static bundle that works offline and
 * from any host path.
 */

export const paths = {
  inspector: { href: (): string => '#/' },
  catalog: { href: (): string => '#/catalog' },
  entry: { href: (id: string): string => `#/e/${encodeURIComponent(id)}` },
} as const;

export type Route =
  | { name: 'inspector' }
  | { name: 'catalog' }
  | { name: 'entry'; id: string }
  /** A share link: `fragment` is the whole hash (`#/s/v1.<data>`), read by src/core/share. */
  | { name: 'share'; fragment: string }
  | { name: 'not-found'; path: string };

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Reads a location hash (`#/e/server.404.promise-not-found`) into a route. Never throws. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'inspector' };
  if (path === 'catalog') return { name: 'catalog' };
  if (path.startsWith('s/') && path.length > 2) return { name: 'share', fragment: `#/${path}` };
  const entry = /^e\/(.+)$/.exec(path);
  if (entry?.[1] !== undefined) return { name: 'entry', id: safeDecode(entry[1]) };
  return { name: 'not-found', path: safeDecode(path) };
}
