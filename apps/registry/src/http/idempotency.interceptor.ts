import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '@registry/event-store';
import { query } from '@registry/database';
import { problemError, StoredResponse, toProblem } from './problem.js';
import type { AuthenticatedRequest } from './auth.js';
import { idempotencyDigest, IdempotencyKeyReusedError, runIdempotentWrite } from '../core/idempotent-write.js';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

interface KeyRow {
  request_hash: string;
  status: number | null;
  response: { body: unknown; headers: Record<string, string> } | null;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
/** A claim not released after this long is taken to have died with its process. */
const CLAIM_MS = 60_000;

/**
 * `Idempotency-Key` on writes: the first response (success or refusal) is stored and replayed
 * for a repeat; the same key with another request is 422; while the first runs, 409. A key is
 * never deleted on failure: after a 5xx its retry runs again and finds the events written under
 * the key (metadata.idempotencyKey), so a write is never made twice. Keys are kept here for 48
 * hours; the events keep the request's digest, so the key reused later for another request is 422.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    // Nest applies the route's status after interceptors run, so read it where Nest keeps it.
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.run(String(key), request, response, status, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(key: string, request: AuthenticatedRequest, response: Response, status: number, handle: () => Promise<unknown>) {
    if (!KEY.test(key))
      throw problemError(400, 'Invalid Idempotency-Key', {
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'header/idempotency-key', message: '1 to 200 visible ASCII characters' }],
      });
    const hash = createHash('sha256')
      .update(
        canonicalJson({
          method: request.method,
          path: request.originalUrl.split('?')[0],
          actor: request.caller?.actor,
          body: request.body ?? null,
        }),
      )
      .digest('hex');
    const existing = await this.claim(key, hash);
    if (existing) this.replay(existing, hash);
    // The events this request writes carry the key's digest: a retry finds them (no second write).
    const outcome = await runIdempotentWrite({ id: idempotencyDigest(request.caller?.actor ?? '', key), request: hash }, handle).then(
      (body) => ({ body, failure: undefined }),
      (failure: unknown) => ({ body: undefined, failure }),
    );
    if (outcome.failure === undefined) {
      const remembered = await this.remember(key, status, outcome.body, headersOf(response)).then(
        () => true,
        (failure: unknown) => failure,
      );
      if (remembered === true) return outcome.body;
      await this.release(key);
      throw remembered;
    }
    const { problem, headers } = toProblem(outcome.failure);
    // A 5xx may come after the write committed (503 catching up, a lost connection): the key is
    // kept and released for a retry, which finds what was recorded. A refusal is final and replayed.
    if (problem.status >= 500) await this.release(key);
    else await this.remember(key, problem.status, { ...problem, instance: request.originalUrl.split('?')[0] }, headers);
    throw outcome.failure;
  }

  /**
   * Inserts the key as in progress, or takes over a claim that was released (or expired) for the
   * same request; returns the existing row otherwise. Waits up to 10 s for a request in progress.
   */
  private async claim(key: string, hash: string): Promise<KeyRow | undefined> {
    await query(this.db, `DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'`);
    for (let waited = 0; ; waited += 100) {
      const taken = await query(
        this.db,
        `INSERT INTO idempotency_keys (key, request_hash, claimed_until) VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (key) DO UPDATE SET claimed_until = EXCLUDED.claimed_until
           WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
             AND idempotency_keys.claimed_until <= now()
         RETURNING key`,
        [key, hash, CLAIM_MS / 1000],
      );
      if (taken.length === 1) return undefined;
      const [row] = await query<KeyRow>(this.db, 'SELECT request_hash, status, response FROM idempotency_keys WHERE key = $1', [key]);
      if (!row) continue;
      if (row.status !== null || row.request_hash !== hash || waited >= 10_000) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Lets a retry take the key over now (best effort: otherwise the claim expires after CLAIM_MS). */
  private async release(key: string) {
    await query(this.db, 'UPDATE idempotency_keys SET claimed_until = now() WHERE key = $1 AND status IS NULL', [key]).then(
      () => undefined,
      () => undefined, // the database is failing; the claim expires by itself
    );
  }

  /** A repeat is answered by the problem filter, which writes the stored status, headers and body. */
  private replay(row: KeyRow, hash: string): never {
    if (row.request_hash !== hash) throw new IdempotencyKeyReusedError();
    if (row.status === null || !row.response)
      throw problemError(
        409,
        'Request in progress',
        { code: 'IDEMPOTENCY_KEY_IN_PROGRESS', detail: 'The first request with this key is still running; retry shortly.' },
        { 'retry-after': '1' },
      );
    throw new StoredResponse(row.status, row.response.body, { ...row.response.headers, 'idempotent-replayed': 'true' });
  }

  private async remember(key: string, status: number, body: unknown, headers: Record<string, string>) {
    await query(this.db, 'UPDATE idempotency_keys SET status = $2, response = $3 WHERE key = $1', [
      key,
      status,
      JSON.stringify({ body: body ?? null, headers }),
    ]);
  }
}

function headersOf(response: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['etag', 'location']) {
    const value = response.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}
