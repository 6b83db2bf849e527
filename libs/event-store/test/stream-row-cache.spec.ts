import { streamRowCache } from '../src/stream-row-cache.js';

describe('the stream row cache', () => {
  it('is bounded by the rows’ weight: the least recently written streams go first, the total stays under the cap', () => {
    const cache = streamRowCache<string>({ streams: 1_000, bytes: 10_000, weigh: (row) => row.length });
    for (let i = 0; i < 100; i++) for (let r = 1; r <= 3; r++) cache.append(`s${i}`, 'x'.repeat(1_000), r);
    expect(cache.bytes()).toBeLessThanOrEqual(10_000);
    expect(cache.size()).toBe(3);
    expect(cache.get('s99')).toHaveLength(3);
    expect(cache.get('s96')).toBeUndefined();
  });

  it('is bounded by stream count too, and keeps a stream heavier than the cap alone', () => {
    const byCount = streamRowCache<string>({ streams: 2, weigh: (row) => row.length });
    for (const id of ['a', 'b', 'c']) byCount.append(id, 'row', 1);
    expect([byCount.get('a'), byCount.get('b'), byCount.get('c')]).toEqual([undefined, ['row'], ['row']]);
    const heavy = streamRowCache<string>({ bytes: 10, weigh: (row) => row.length });
    heavy.append('a', 'x'.repeat(50), 1);
    expect(heavy.get('a')).toHaveLength(1);
    heavy.append('b', 'y', 1);
    expect([heavy.get('a'), heavy.bytes()]).toEqual([undefined, 1]);
  });

  it('keeps a row only at the next revision, and drops a stream with a gap (its weight with it)', () => {
    const cache = streamRowCache<string>({ weigh: (row) => row.length });
    cache.append('a', 'one', 1);
    cache.append('a', 'one', 1);
    expect(cache.get('a')).toEqual(['one']);
    cache.append('a', 'three', 3);
    expect([cache.get('a'), cache.bytes()]).toEqual([undefined, 0]);
  });
});
