import type { DataSource } from 'typeorm';
import { deliberationStreamId, timelineOf, type DeliberationEvent, type Recorded } from '@registry/domain';
import { deliberationVersions, type DeadlineRange } from '@registry/projections';
import type { EventStore } from '@registry/event-store';
import { toRecorded } from '../core/event-sourced-repository.js';
import { deadlineRanges } from './due-obligations.js';

const LAST_DAY = '9999-12-31';
const STREAMS_PER_READ = 500;

/**
 * Every deliberation's delivery-day ranges with one deadline each (ADR 11), sorted by deadline:
 * what the destruction schedule pages through. As known now, each deliberation's ranges are
 * kept and recomputed only when the index shows a new version of it (an amendment, a
 * revocation, a commitment); as known at an earlier instant they are computed afresh.
 * One entry per deliberation: ten thousand deliberations hold a few megabytes.
 */
export class DeadlineRangeCache {
  private readonly current = new Map<string, { version: number; ranges: DeadlineRange[] }>();

  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  async sortedByDeadline(knownAt?: string): Promise<DeadlineRange[]> {
    const versions = await deliberationVersions(this.db, knownAt);
    const ranges = knownAt ? await this.compute(versions, knownAt) : await this.refreshed(versions);
    return ranges.sort((a, b) => (a.destroyBy < b.destroyBy ? -1 : a.destroyBy > b.destroyBy ? 1 : 0));
  }

  private async refreshed(versions: { id: string; version: number }[]): Promise<DeadlineRange[]> {
    const stale = versions.filter((v) => this.current.get(v.id)?.version !== v.version);
    const computed = await this.compute(stale);
    const byId = new Map<string, DeadlineRange[]>();
    for (const r of computed) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const v of stale) this.current.set(v.id, { version: v.version, ranges: byId.get(v.id) ?? [] });
    const known = new Set(versions.map((v) => v.id));
    for (const id of this.current.keys()) if (!known.has(id)) this.current.delete(id);
    return versions.flatMap((v) => this.current.get(v.id)?.ranges ?? []);
  }

  private async compute(versions: { id: string }[], knownAt?: string): Promise<DeadlineRange[]> {
    const ranges: DeadlineRange[] = [];
    for (let i = 0; i < versions.length; i += STREAMS_PER_READ) {
      const ids = versions.slice(i, i + STREAMS_PER_READ).map((v) => v.id);
      const streams = await this.store.readStreams(ids.map(deliberationStreamId));
      for (const id of ids) {
        const events = (streams.get(deliberationStreamId(id)) ?? []).map(toRecorded) as Recorded<DeliberationEvent>[];
        const t = timelineOf(events, knownAt);
        if (t) ranges.push(...deadlineRanges(id, t, LAST_DAY));
      }
    }
    return ranges;
  }
}
