import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { PROBLEM_CONTENT_TYPE, problemError, toProblem } from './problem.js';
import type { AuthenticatedRequest } from './auth.js';

const sendProblem = (res: Response, error: unknown) => {
  const { problem, headers } = toProblem(error);
  res.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
};

/** Every request gets an id (or keeps the caller's X-Request-Id), echoed back and logged. */
export function requestId(req: AuthenticatedRequest, res: Response, next: NextFunction) {
  const given = req.headers['x-request-id'];
  req.requestId = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', req.requestId);
  next();
}

/** One structured line per request, with its id, so a problem reported by a client can be found. */
export function accessLog(log: { info(fields: object, message: string): void; isLevelEnabled(level: string): boolean }) {
  return (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    if (!log.isLevelEnabled('info')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () =>
      log.info(
        {
          requestId: req.requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          actor: req.caller?.actor,
        },
        'request',
      ),
    );
    next();
  };
}

const JSON_TYPES = ['application/json', 'application/*+json'];
const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Strict JSON bodies up to `limit`; a bad or oversized body is a problem, never an HTML page.
 * A body sent without `Content-Type: application/json` is refused with 415 saying so, rather
 * than read as no body at all.
 */
export function jsonBody(limit: string) {
  const parser = express.json({ limit, strict: true, type: JSON_TYPES });
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasBody(req) && !req.is(JSON_TYPES)) {
      const given = req.headers['content-type'];
      return sendProblem(
        res,
        problemError(415, 'Unsupported media type', {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          detail: given
            ? `The body is sent as ${given.slice(0, 100)}; send it as application/json.`
            : 'The body has no Content-Type; send it with Content-Type: application/json.',
        }),
      );
    }
    parser(req, res, (error?: unknown) => (error ? sendProblem(res, error) : next()));
  };
}

/** Requests per minute per API key (or per address without one); 0 turns it off. */
export function rateLimitPerKey(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: () => perMinute === 0,
    keyGenerator: (req) => req.headers.authorization ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, res) =>
      sendProblem(
        res,
        problemError(
          429,
          'Too many requests',
          { code: 'RATE_LIMITED', detail: `At most ${perMinute} requests a minute per key.` },
          { 'retry-after': '60' },
        ),
      ),
  });
}
