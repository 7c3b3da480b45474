import { queryOptions } from '@tanstack/react-query';
import { decodeShareFragment } from '../../core/share/share-link';

/** Reading a share link is async (DecompressionStream); its result never changes, so it is kept for good. */
export const shareQueries = {
  all: () => ['share'] as const,
  fragment: (fragment: string) =>
    queryOptions({
      queryKey: [...shareQueries.all(), 'fragment', fragment],
      queryFn: () => decodeShareFragment(fragment),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 5 * 60_000,
    }),
};
