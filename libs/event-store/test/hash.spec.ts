import { createHash } from 'node:crypto';
import type { StoredEvent } from '../src/event-store.js';
import { GENESIS_HASH, canonicalJson, eventHash } from '../src/hash.js';
import { Upcasters } from '../src/upcasters.js';

describe('canonicalJson and eventHash', () => {
  it('sorts keys at every depth and drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x', u: undefined } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ at: new Date('2024-01-02T03:04:05.000Z') })).toBe('{"at":"2024-01-02T03:04:05.000Z"}');
  });

  it('hashes the previous hash followed by the canonical fields', () => {
    const fields = { streamId: 's', revision: 1, eventId: 'e', type: 't', schemaVersion: 1, data: { b: 1, a: 2 }, metadata: {} };
    const body = '{"data":{"a":2,"b":1},"eventId":"e","metadata":{},"revision":1,"schemaVersion":1,"streamId":"s","type":"t"}';
    expect(eventHash(GENESIS_HASH, fields)).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + body)
        .digest('hex'),
    );
    expect(eventHash(GENESIS_HASH, { ...fields, data: { a: 2, b: 1 } })).toBe(eventHash(GENESIS_HASH, fields));
    expect(eventHash(GENESIS_HASH, { ...fields, revision: 2 })).not.toBe(eventHash(GENESIS_HASH, fields));
  });
});

describe('Upcasters', () => {
  const stored = (schemaVersion: number, data: Record<string, unknown>) => ({ type: 'T', schemaVersion, data }) as StoredEvent;
  const upcasters = new Upcasters()
    .register('T', 1, ({ name, ...rest }) => ({ ...rest, title: name }))
    .register('T', 2, (data) => ({ ...data, tags: [] }));

  it('chains every step up to the newest version', () => {
    expect(upcasters.upcast(stored(1, { name: 'n' }))).toMatchObject({ schemaVersion: 3, data: { title: 'n', tags: [] } });
    expect(upcasters.upcast(stored(2, { title: 't' }))).toMatchObject({ schemaVersion: 3, data: { title: 't', tags: [] } });
    expect(upcasters.upcast(stored(3, { x: 1 }))).toEqual(stored(3, { x: 1 }));
  });

  it('refuses a second step for the same type and version', () => {
    expect(() => upcasters.register('T', 1, (d) => d)).toThrow(/already registered/);
  });
});
