import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { START, type EventStore } from '@registry/event-store';
import { sendCountsByStatus, type ProjectionRunner } from '@registry/projections';

/** Prometheus metrics: request latency, events appended, projection lag, reminders in the outbox. */
export class RegistryMetrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'registry_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'registry_events_appended_total',
    help: 'Events appended by this process, by type',
    labelNames: ['type'],
    registers: [this.registry],
  });

  readonly backgroundFailures = new Counter({
    name: 'registry_background_failures_total',
    help: 'Failures of background work (daily-reminders, outbox-send, catch-up-at-start), each also logged with its cause',
    labelNames: ['task'],
    registers: [this.registry],
  });

  constructor(db: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'registry_' });
    new Gauge({
      name: 'registry_reminders_outbox',
      help: 'Reminder sends in the outbox by status (pending, retrying, failed, sent)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const s of ['pending', 'retrying', 'failed', 'sent']) this.set({ status: s }, 0);
        const rows = await sendCountsByStatus(db);
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
  }

  watchProjections(store: EventStore, projections: ProjectionRunner): void {
    new Gauge({
      name: 'registry_projection_lag_events',
      help: 'Events committed to the log that a projection has not applied yet',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        const head = positionOf(await store.headCheckpoint());
        const checkpoints = await projections.checkpoints();
        for (const p of projections.projections)
          this.set({ projection: p.name }, Math.max(0, head - positionOf(checkpoints.get(p.name) ?? START)));
      },
    });
  }

  /** Times every request; the route is the matched pattern, so ids do not explode the label set. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.requestSeconds.startTimer({ method: req.method });
      res.on('finish', () => {
        const route = (req as Request & { route?: { path?: string } }).route?.path ?? (res.statusCode === 404 ? 'unmatched' : req.path);
        end({ route: String(route), status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Wraps a store so every append is counted. */
  counting(store: EventStore): EventStore {
    const counter = this.eventsAppended;
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'append') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<EventStore['append']>) => {
          const result = await target.append(...args);
          if (!result.duplicate) for (const e of args[1]) counter.inc({ type: e.type });
          return result;
        };
      },
    });
  }
}

/** The global position inside a checkpoint ("<xid>:<position>" or a bare number); 0 at the start. */
function positionOf(checkpoint: string): number {
  const match = /(\d+)$/.exec(checkpoint);
  return match ? Number(match[1]) : 0;
}
