import { useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapWithTag } from './client.js';
import type { DeliberationView, Items, StoredEvent } from './types.js';

/** The deliberation as of `on`, as known at `knownAt`, with its ETag for the next change. */
export function useDeliberation(id: string, on?: string, knownAt?: string) {
  return useQuery({
    queryKey: ['deliberation', id, on ?? null, knownAt ?? null],
    queryFn: () => unwrapWithTag<DeliberationView>(api.GET('/deliberations/{id}', { params: { path: { id }, query: { on, knownAt } } })),
  });
}

export function useDeliberationEvents(id: string, enabled = true) {
  return useQuery({
    queryKey: ['deliberation-events', id],
    enabled,
    queryFn: () => unwrap<Items<StoredEvent>>(api.GET('/deliberations/{id}/events', { params: { path: { id } } })),
  });
}
