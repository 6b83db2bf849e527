import type { DataSource, QueryRunner } from 'typeorm';
import { START, type Checkpoint, type EventStore, type GlobalBatch } from '@registry/event-store';
import { rowsOf, withTransaction } from '@registry/database';
import type { Projection } from './projection.js';
import { deferIndexes, restoreIndexes } from './deferred-indexes.js';

export interface RunnerOptions {
  batchSize?: number;
  /** How long a read-your-writes wait may take before giving up. */
  waitTimeoutMs?: number;
  onError?: (projection: string, error: unknown) => void;
  /** Groups of at least this many new rows in a batch may be written by COPY (PostgreSQL only; unset: never, PGlite): ADR 13. */
  copyFrom?: number;
}

/** A rebuild replays the whole log: larger batches mean fewer transactions. */
const REBUILD_BATCH = 5000;

export class ProjectionLagError extends Error {
  /** `cause`: the last failure of the catch-up, when one failed (a projection, a read). */
  constructor(
    readonly target: Checkpoint,
    cause?: unknown,
  ) {
    super(`read models did not reach ${target} in time`, cause === undefined ? undefined : { cause });
    this.name = 'ProjectionLagError';
  }
}

/**
 * Feeds projections from the store's global order. Each batch is applied in one transaction
 * together with a compare-and-set of the checkpoint, so a crash or a competing instance can
 * neither skip nor double-apply a batch (ADR 0002).
 */
export class ProjectionRunner {
  private running: Promise<void> | undefined;
  private rerun = false;
  private indexesRestored = false;
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Processes everything visible now; concurrent callers share one pass (and ask for another). */
  catchUp(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        // Once per runner: indexes a rebuild killed half-way dropped (deferred-indexes.ts).
        if (!this.indexesRestored) {
          await restoreIndexes(this.dataSource);
          this.indexesRestored = true;
        }
        do {
          this.rerun = false;
          for (const projection of this.projections) await this.drain(projection);
        } while (this.rerun);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * Read-your-writes: returns once every projection has applied the event at `target`. A
   * failing projection is retried until the deadline, then reported as lag (the write stands).
   */
  async waitFor(target: Checkpoint): Promise<void> {
    const deadline = Date.now() + (this.options.waitTimeoutMs ?? 10_000);
    let failure: unknown;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      // A failed pass is retried; the last failure becomes the lag's cause.
      await this.catchUp().catch((error: unknown) => void (failure = error));
      if (await this.allReached(target)) return;
      if (Date.now() > deadline) throw new ProjectionLagError(target, failure);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async checkpoints(): Promise<Map<string, Checkpoint>> {
    const rows: { name: string; checkpoint: string }[] = await this.dataSource.query('SELECT name, checkpoint FROM projection_checkpoints');
    return new Map(rows.map((r) => [r.name, r.checkpoint]));
  }

  /** Drops one projection's rows and checkpoint, then replays the whole log into it. */
  async rebuild(name: string, onProgress?: (events: number) => void): Promise<number> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`no projection named ${name}`);
    if (projection.rebuildable === false) throw new Error(`projection ${name} has side effects and is never rebuilt`);
    const tables = projection.tables ?? [];
    await this.inTransaction(async (sql) => {
      await projection.reset(sql);
      await sql.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
      await deferIndexes(sql, tables);
    });
    try {
      return await this.drain(projection, onProgress, REBUILD_BATCH, true);
    } finally {
      await restoreIndexes(this.dataSource, tables);
    }
  }

  /** Moves a projection with side effects past everything in the log without applying it (store switch). */
  async skipTo(name: string, checkpoint: Checkpoint): Promise<void> {
    await withTransaction(this.dataSource, (sql) =>
      sql.query(
        `INSERT INTO projection_checkpoints (name, checkpoint, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET checkpoint = $2, updated_at = now()`,
        [name, checkpoint],
      ),
    );
  }

  private async allReached(target: Checkpoint): Promise<boolean> {
    const checkpoints = await this.checkpoints();
    return this.projections.every((p) => {
      const at = checkpoints.get(p.name) ?? START;
      return at !== START && this.store.compareCheckpoints(at, target) >= 0;
    });
  }

  /**
   * Applies batches until the log is exhausted, each from the checkpoint the previous one moved
   * to; when another instance moved it first, from the checkpoint it finds. (Reading the next
   * batch while applying the current one was measured slower on two cores: ADR 13.)
   */
  private async drain(
    projection: Projection,
    onProgress?: (events: number) => void,
    batchSize = this.batchSize,
    rebuild = false,
  ): Promise<number> {
    let applied = 0;
    let from = await this.checkpointOf(projection.name);
    for (;;) {
      const batch = await this.store.readAll(from, batchSize);
      if (batch.events.length === 0) return applied;
      if (!(await this.applyBatch(projection, from, batch, rebuild))) {
        from = await this.checkpointOf(projection.name); // another instance applied this batch first
        continue;
      }
      from = batch.checkpoint;
      applied += batch.events.length;
      onProgress?.(applied);
    }
  }

  private async checkpointOf(name: string): Promise<Checkpoint> {
    return (await this.checkpoints()).get(name) ?? START;
  }

  /** One batch in one transaction with the compare-and-set of the checkpoint; false when someone moved it first. */
  private async applyBatch(projection: Projection, from: Checkpoint, batch: GlobalBatch, rebuild: boolean): Promise<boolean> {
    const relevant = batch.events.filter((e) => projection.handles.includes(e.type));
    try {
      return await this.inTransaction(async (sql) => {
        // A rebuild's commit need not wait for its WAL to reach the disk: a crash loses the last
        // batches together with their checkpoint (one transaction), and the rebuild resumes before them (ADR 13).
        if (rebuild) await sql.query('SET LOCAL synchronous_commit = off');
        if (projection.applyBatch && relevant.length > 1) await projection.applyBatch(sql, relevant, { copyFrom: this.options.copyFrom });
        else for (const event of relevant) await projection.apply(sql, event);
        return this.moveCheckpoint(sql, projection.name, from, batch.checkpoint);
      });
    } catch (error) {
      this.options.onError?.(projection.name, error);
      throw error;
    }
  }

  /** Compare-and-set in the batch's transaction: false (and rolled back) when someone moved it first. */
  private async moveCheckpoint(sql: QueryRunner, name: string, from: Checkpoint, to: Checkpoint): Promise<boolean> {
    const result =
      from === START
        ? await sql.query(
            `INSERT INTO projection_checkpoints (name, checkpoint, updated_at) VALUES ($1, $2, now())
             ON CONFLICT (name) DO NOTHING RETURNING name`,
            [name, to],
          )
        : await sql.query(
            `UPDATE projection_checkpoints SET checkpoint = $3, updated_at = now()
             WHERE name = $1 AND checkpoint = $2 RETURNING name`,
            [name, from, to],
          );
    if (rowsOf(result).length === 1) return true;
    throw new CheckpointMoved();
  }

  private async inTransaction<T>(work: (sql: QueryRunner) => Promise<T>): Promise<T | false> {
    try {
      return await withTransaction(this.dataSource, work);
    } catch (error) {
      if (error instanceof CheckpointMoved) return false;
      throw error;
    }
  }
}

class CheckpointMoved extends Error {}
