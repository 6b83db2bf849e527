import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { decideOutputRelease, notFound, outputReleaseStreamId, type OutputRelease } from '../../../../libs/domain/src/index.js';
import { query } from '../../../../libs/database/src/sql.js';
import type { DeliberationService } from './deliberation.service.js';
import type { CommandContext, EventSourcedRepository } from './event-sourced-repository.js';

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
    const releaseId = randomUUID();
    await this.repository.handle(outputReleaseStreamId(releaseId), () => decideOutputRelease(t, release, releaseId), ctx);
    return { id: releaseId, deliberation: t.original.number, ...release };
  }

  async list(id: string) {
    const rows = await query<{ data: Record<string, unknown> & { releaseId: string } }>(
      this.db,
      'SELECT data FROM rm_output_releases WHERE deliberation_id = $1 ORDER BY recorded_at',
      [id],
    );
    return rows.map(({ data: { releaseId, ...rest } }) => ({ id: releaseId, ...rest }));
  }
}
