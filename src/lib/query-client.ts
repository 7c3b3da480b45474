import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

/**
 * The app's React Query defaults, in one place. Nothing here fetches user text: the decoder runs
 * synchronously in the page. Queries are for data the app itself owns (e.g. a replay, later).
 */
export const queryConfig = {
  queries: {
    refetchOnWindowFocus: false,
    retry: false,
    staleTime: 60_000,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
