/** What a cached row weighs, roughly in bytes (its JSON text; parsed, V8 holds about 1.4 times that). */
export type RowWeight<Row> = (row: Row) => number;

/**
 * The rows of recently read streams, in revision order; bounded by stream count and by the
 * rows' total weight, least recently written stream dropped first. A deliberation's rows
 * weigh kilobytes each (the bench's 5 KB on average; a real one can be much larger), a
 * delivery's a few hundred bytes: a count alone bounds nothing in bytes (issue 14).
 */
export function streamRowCache<Row>(limits: { streams?: number; bytes?: number; weigh?: RowWeight<Row> } = {}) {
  const { streams: maxStreams = 5_000, bytes: maxBytes = 32 * 1024 * 1024, weigh = () => 0 } = limits;
  const streams = new Map<string, { rows: Row[]; bytes: number }>();
  let total = 0;
  const drop = (id: string) => {
    total -= streams.get(id)?.bytes ?? 0;
    streams.delete(id);
  };
  return {
    get: (id: string) => streams.get(id)?.rows,
    /** The rows' total weight now (for tests and metrics). */
    bytes: () => total,
    size: () => streams.size,
    /** Concurrent readers may bring the same row twice: a row is kept only at the next revision. */
    append(id: string, row: Row, revision: number) {
      const entry = streams.get(id) ?? { rows: [], bytes: 0 };
      if (revision <= entry.rows.length) return;
      if (revision !== entry.rows.length + 1) return drop(id);
      const weight = weigh(row);
      entry.rows.push(row);
      entry.bytes += weight;
      total += weight;
      streams.delete(id);
      streams.set(id, entry);
      while (streams.size > maxStreams || (total > maxBytes && streams.size > 1)) drop(streams.keys().next().value!);
    },
  };
}
