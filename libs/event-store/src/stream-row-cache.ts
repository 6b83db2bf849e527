/** The rows of recently read streams, in revision order; bounded by stream count, oldest dropped first. */
export function streamRowCache<Row>(limit = 5_000) {
  const streams = new Map<string, Row[]>();
  return {
    get: (id: string) => streams.get(id),
    /** Concurrent readers may bring the same row twice: a row is kept only at the next revision. */
    append(id: string, row: Row, revision: number) {
      const rows = streams.get(id) ?? [];
      if (revision <= rows.length) return;
      if (revision !== rows.length + 1) return void streams.delete(id);
      rows.push(row);
      streams.delete(id);
      streams.set(id, rows);
      if (streams.size > limit) streams.delete(streams.keys().next().value!);
    },
  };
}
