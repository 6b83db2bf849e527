import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { decideOutputRelease, notFound, outputReleaseStreamId, type OutputRelease } from '@registry/domain';
import { outputReleaseRows } from '@registry/projections';
import type { DeliberationService } from '../deliberations/deliberation.service.js';
import { idempotentId } from '../core/idempotent-write.js';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type PageRequest } from '../core/paging.js';
import type { CommandContext, EventSourcedRepository } from '../core/event-sourced-repository.js';

/** Anonymous results leaving the secure room, each in a stream of its own. */
export class OutputReleaseService {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly deliberations: DeliberationService,
    private readonly db: DataSource,
  ) {}

  async record(id: string, release: OutputRelease, ctx: CommandContext) {
    const t = await this.deliberations.timeline(id);
    if (!t) throw notFound(`no deliberation ${id.replace('-', '/')} is recorded`);
    // Under an Idempotency-Key the id is derived from it: a retry addresses the stream it wrote.
    const releaseId = idempotentId('output-release') ?? randomUUID();
    await this.repository.handle(outputReleaseStreamId(releaseId), () => decideOutputRelease(t, release, releaseId), ctx);
    return { id: releaseId, deliberation: t.original.number, ...release };
  }

  /** One page of a deliberation's output releases, in the order they were recorded. */
  async list(id: string, request: PageRequest & { knownAt?: string } = {}) {
    const after = decodeCursor(request.cursor, ['instant', 'uuid']);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const rows = await outputReleaseRows(this.db, id, { knownAt: request.knownAt, after, limit: limit + 1 });
    const page = pageOf(rows, limit, (r) => [r.page_key, r.id]);
    return { next: page.next, items: page.items.map(({ data: { releaseId, ...rest } }) => ({ id: releaseId, ...rest })) };
  }
}
