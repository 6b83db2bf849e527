import type { DataSource } from 'typeorm';
import {
  brusselsDate,
  checkRelease,
  answerCheck,
  commitmentsSignedBy,
  decideDeliberation,
  deliberationId,
  deliberationStreamId,
  documentAsOf,
  notFound,
  statusOn,
  timelineOf,
  type AmendmentDocument,
  type CheckResult,
  type Commitment,
  type DeliberationCommand,
  type DeliberationDocument,
  type DeliberationEvent,
  type DeliberationStatus,
  type DeliberationTimeline,
  type Recorded,
  type Release,
  type ReleaseRequest,
  type Revocation,
} from '@registry/domain';
import {
  deliberationIds,
  deliberationListRows,
  deliberationsNaming,
  inForceDeliberationsNaming,
  type IndexedDeliberation,
} from '@registry/projections';
import type { EventStore } from '@registry/event-store';
import type { CommandContext, EventSourcedRepository } from '../core/event-sourced-repository.js';
import { toRecorded } from '../core/event-sourced-repository.js';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type PageRequest } from '../core/paging.js';

export interface CheckAnswer extends CheckResult {
  deliberation: string | null;
  version: number | null;
  on: string;
  knownAt?: string;
}

type History = Recorded<DeliberationEvent>[];

export class DeliberationService {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async record(document: DeliberationDocument, ctx: CommandContext) {
    return this.execute(deliberationId(document.number), { type: 'RecordDeliberation', document }, ctx);
  }

  async amend(id: string, amendment: AmendmentDocument, ctx: CommandContext) {
    return this.execute(id, { type: 'AmendDeliberation', amendment }, ctx);
  }

  async revoke(id: string, revocation: Revocation, ctx: CommandContext) {
    return this.execute(id, { type: 'RevokeDeliberation', revocation }, ctx);
  }

  async recordCommitment(id: string, commitment: Commitment, ctx: CommandContext) {
    return this.execute(id, { type: 'RecordCommitment', commitment }, ctx);
  }

  private async execute(id: string, command: DeliberationCommand, ctx: CommandContext) {
    const { result, events } = await this.repository.handle(
      deliberationStreamId(id),
      (history) => decideDeliberation(command, history as History),
      ctx,
    );
    const amended = events.find((e) => e.type === 'DeliberationAmended')?.data as { sequence: number } | undefined;
    return { number: id.replace('-', '/'), id, version: result.revision, ...(amended ? { amendment: amended.sequence } : {}) };
  }

  async timeline(id: string, knownAt?: string): Promise<DeliberationTimeline | undefined> {
    return timelineOf((await this.repository.load(deliberationStreamId(id))) as History, knownAt);
  }

  /** The deliberation as of `on`, as known at `knownAt`: the document as amended, plus its record. */
  async view(id: string, on: string, knownAt?: string) {
    const t = await this.timeline(id, knownAt);
    if (!t) throw notFound(`no deliberation ${id.replace('-', '/')} is recorded${knownAt ? ` as known at ${knownAt}` : ''}`);
    return viewOf(id, t, on, knownAt);
  }

  /**
   * One page of deliberations, oldest decision first, each as of `on` and as known at `knownAt`.
   * Status and recipients depend on `on`, so candidates are read in key order and judged here
   * until the page is full.
   */
  async list(filter: DeliberationFilter) {
    const on = filter.on ?? filter.inForceOn ?? brusselsDate();
    const limit = filter.limit ?? DEFAULT_LIMIT;
    let after = decodeCursor(filter.cursor, ['day', 'text']);
    const items: ReturnType<typeof listItem>[] = [];
    for (;;) {
      const batch = await this.candidates(filter, after, limit + 1);
      const streams = await this.store.readStreams(batch.map((r) => deliberationStreamId(r.id)));
      for (const row of batch) {
        const t = timelineOf((streams.get(deliberationStreamId(row.id)) ?? []).map(toRecorded) as History, filter.knownAt);
        if (t && matches(t, on, filter)) items.push(listItem(row.id, t, on));
        if (items.length > limit) return { ...pageOf(items, limit, (i) => [i.decidedOn, i.id]), on, ...knownAtOf(filter) };
      }
      if (batch.length <= limit) return { items, next: null, on, ...knownAtOf(filter) };
      const last = batch[batch.length - 1];
      after = [last.decided_on, last.id];
    }
  }

  private candidates(filter: DeliberationFilter, after: string[] | undefined, limit: number) {
    return deliberationListRows(this.db, { recipient: filter.recipient, q: filter.q, knownAt: filter.knownAt, after, limit });
  }

  candidateIds(recipient?: string): Promise<string[]> {
    return deliberationIds(this.db, recipient);
  }

  /** Every deliberation that ever named the party (the GIN index on party_ids), most recent first. */
  private async candidatesByRecency(recipient: string): Promise<Candidate[]> {
    return (await deliberationsNaming(this.db, recipient)).sort(byRecency);
  }

  /**
   * chooseDeliberation answers with the most recent authorising candidate. Only one in force by
   * the release date can authorise (NOT_YET_IN_FORCE otherwise), so the index hands those over in
   * recency order, whole decision days at a time (1, then 4, 16 … candidates), and the first that
   * authorises is the answer. Undefined when none does: then every candidate is evaluated for
   * the closest refusal.
   */
  private async firstAuthorised(release: Release) {
    let before: string | undefined;
    for (let limit = 1; ; limit *= 4) {
      const part = (await inForceDeliberationsNaming(this.db, release.recipient, release.on, { before, limit })).sort(byRecency);
      if (part.length === 0) return undefined;
      const timelines = await this.timelines(
        part.map((c) => c.id),
        release.knownAt,
      );
      const authorising = timelines.find((t) => checkRelease(t, release, t.original.number).authorised);
      if (authorising) return authorising;
      before = part[part.length - 1].decidedOn;
    }
  }

  private async timelines(ids: string[], knownAt?: string): Promise<DeliberationTimeline[]> {
    const streams = await this.store.readStreams(ids.map(deliberationStreamId));
    return ids.flatMap((id) => timelineOf((streams.get(deliberationStreamId(id)) ?? []).map(toRecorded) as History, knownAt) ?? []);
  }

  /** One page of the stream's events, in revision order. */
  async events(id: string, request: PageRequest = {}) {
    const events = await this.store.readStream(deliberationStreamId(id));
    if (events.length === 0) throw notFound(`no deliberation ${id.replace('-', '/')} is recorded`);
    const after = Number(decodeCursor(request.cursor, ['revision'])?.[0] ?? 0);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const rest = events.filter((e) => e.revision > after).slice(0, limit + 1);
    const page = pageOf(rest, limit, (e) => [String(e.revision)]);
    return {
      next: page.next,
      items: page.items.map(({ position, revision, type, schemaVersion, data, metadata, hash, previousHash, eventId }) => ({
        position,
        revision,
        eventId,
        type,
        schemaVersion,
        data,
        metadata,
        hash,
        previousHash,
      })),
    };
  }

  /**
   * Is this release authorised? Under the named deliberation, or under any naming the recipient:
   * the domain answers (answerCheck); the service only finds the candidates, and tries those in
   * force most recent first so that a release some deliberation authorises stops early.
   */
  async check(request: ReleaseRequest): Promise<CheckAnswer> {
    const release: Release = { ...request, on: request.on ?? brusselsDate(), access: request.access ?? 'transfer' };
    if (release.deliberation) {
      const t = await this.timeline(deliberationId(release.deliberation), release.knownAt);
      return answerCheck(release, t ? [t] : []);
    }
    const quick = await this.firstAuthorised(release);
    if (quick) return answerCheck(release, [quick]);
    const named = await this.candidatesByRecency(release.recipient);
    return answerCheck(
      release,
      await this.timelines(
        named.map((c) => c.id),
        release.knownAt,
      ),
    );
  }
}

export interface DeliberationFilter extends PageRequest {
  recipient?: string;
  status?: DeliberationStatus;
  /** Shorthand for `status: 'in-force'` on that date. */
  inForceOn?: string;
  q?: string;
  on?: string;
  knownAt?: string;
}

const knownAtOf = (filter: { knownAt?: string }) => (filter.knownAt ? { knownAt: filter.knownAt } : {});

function matches(t: DeliberationTimeline, on: string, filter: DeliberationFilter): boolean {
  const status = statusOn(t, on);
  if (filter.status && status !== filter.status) return false;
  if (filter.inForceOn && statusOn(t, filter.inForceOn) !== 'in-force') return false;
  if (!filter.recipient) return true;
  return documentAsOf(t, on).parties.some((p) => p.id === filter.recipient && p.roles.includes('recipient'));
}

function listItem(id: string, t: DeliberationTimeline, on: string) {
  const doc = documentAsOf(t, on);
  return {
    id,
    number: t.original.number,
    title: t.original.title ?? null,
    decidedOn: t.original.decidedOn,
    effectiveFrom: t.original.effectiveFrom,
    status: statusOn(t, on),
    version: t.version,
    amendments: t.amendments.length,
    destroyBy: doc.retention?.destroyBy ?? null,
  };
}

type Candidate = IndexedDeliberation;

/** chooseDeliberation's recency order: latest decision first, then the higher number. */
const byRecency = (a: Candidate, b: Candidate) =>
  a.decidedOn === b.decidedOn ? b.number.localeCompare(a.number) : a.decidedOn < b.decidedOn ? 1 : -1;

export function viewOf(id: string, t: DeliberationTimeline, on: string, knownAt?: string) {
  const doc = documentAsOf(t, on);
  return {
    id,
    ...doc,
    status: statusOn(t, on),
    version: t.version,
    on,
    ...(knownAt ? { knownAt } : {}),
    destroyBy: doc.retention?.destroyBy ?? null,
    recordedAt: t.recordedAt,
    amendments: t.amendments
      .slice()
      .sort((a, b) => a.sequence - b.sequence)
      .map((a) => ({ ...a, inForce: a.effectiveFrom <= on })),
    revocation: t.revocation ?? null,
    commitments: commitmentsSignedBy(t, on),
  };
}
