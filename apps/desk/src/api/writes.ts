import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isProblem } from './problem.js';
import { useDeliberation } from './queries.js';

/**
 * A change of one deliberation, always sent with If-Match: the revision the person was looking
 * at. When someone else changed it first (412) the page shows the new state and keeps the form.
 */
export function useDeliberationChange<Body, Result>(id: string, send: (body: Body, ifMatch: string) => Promise<Result>) {
  const current = useDeliberation(id);
  const queries = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: Body) => send(body, current.data?.etag ?? `"${current.data?.data.version ?? 0}"`),
    onSuccess: () => {
      setConflict(false);
      void queries.invalidateQueries({ queryKey: ['deliberation', id] });
      void queries.invalidateQueries({ queryKey: ['deliberation-events', id] });
      void queries.invalidateQueries({ queryKey: ['deliberations'] });
    },
    onError: (error) => {
      if (isProblem(error) && error.status === 412) {
        setConflict(true);
        void current.refetch();
      }
    },
  });
  return { current, mutation, conflict };
}
