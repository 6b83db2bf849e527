import { readFileSync } from 'node:fs';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { AppModule } from '../../apps/registry/src/app.module.js';
import { PROBLEM_CODES } from '../../apps/registry/src/http/problem-catalogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { undocumented } from '../support/openapi-check.js';
import { expectStatus } from './helpers.js';

const committed = () => JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
type Op = {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters: any[];
  requestBody?: any;
  responses: Record<string, any>;
};
const operationsOf = (doc: any): [string, string, Op][] =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => [path, method, op] as [string, string, Op]),
  );

type ModuleNode = { module?: unknown; controllers?: unknown[]; imports?: unknown[] } | (new (...args: never[]) => unknown);

/** The controllers of a module and of every module it imports (dynamic modules included), each once. */
function controllersOf(node: ModuleNode, seen = new Set<unknown>()): (new (...args: never[]) => unknown)[] {
  const key = typeof node === 'function' ? node : (node.module ?? node);
  if (seen.has(key) || seen.has(node)) return [];
  seen.add(key).add(node);
  const own = ((typeof node === 'function' ? undefined : node.controllers) ??
    Reflect.getMetadata('controllers', key as object) ??
    []) as never[];
  const imports = ((typeof node === 'function' ? undefined : node.imports) ??
    Reflect.getMetadata('imports', key as object) ??
    []) as ModuleNode[];
  return [...own, ...imports.flatMap((child) => controllersOf(child, seen))];
}

/** Every route Nest serves, as `get /deliberations/{id}`, read from the controllers' decorators. */
function nestRoutes(): string[] {
  const controllers = controllersOf(AppModule.with({ apiKeys: [] } as never, {} as never));
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = controller.prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (name === 'constructor' || path === undefined) return [];
      const full = `/${[base, String(path).replace(/^\//, '')].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
      return [`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)].toLowerCase()} ${full}`];
    });
  });
}

describe('the OpenAPI document', () => {
  let api: TestServer;
  beforeAll(async () => (api = await startTestServer()));
  afterAll(() => api?.close());

  it('is served at /docs/openapi.json exactly as committed in docs/openapi.json (regenerate with `npm run openapi`)', async () => {
    const served = expectStatus(await api.request('GET', '/docs/openapi.json', { role: null }), 200).body;
    expect(served.openapi).toBe('3.1.0');
    expect(served).toEqual(committed());
  });

  it('documents every route the service has, and no route it lacks', () => {
    const documented = operationsOf(committed())
      .map(([path, method]) => `${method} ${path}`)
      .filter((r) => r !== 'get /metrics');
    expect(documented.sort()).toEqual(nestRoutes().sort());
  });

  it('gives every operation a summary, a description, typed parameters and a schema for each answer', () => {
    for (const [path, method, op] of operationsOf(committed())) {
      const where = `${method} ${path}`;
      expect([where, (op.summary?.length ?? 0) > 0, (op.description?.length ?? 0) > 20]).toEqual([where, true, true]);
      for (const p of op.parameters)
        expect([where, p.name, typeof p.schema === 'object', typeof p.description]).toEqual([where, p.name, true, 'string']);
      for (const p of op.parameters.filter((p) => p.in === 'path'))
        expect([where, p.name, p.required, p.example]).toEqual([where, p.name, true, expect.any(String)]);
      for (const [status, answer] of Object.entries(op.responses)) {
        const [type, media] = Object.entries(answer.content as Record<string, any>)[0];
        expect([where, status, Boolean(media.schema)]).toEqual([where, status, true]);
        if (Number(status) >= 400) expect([where, status, type]).toEqual([where, status, 'application/problem+json']);
      }
      if (op.requestBody) expect([where, op.requestBody.content['application/json'].example]).toEqual([where, expect.anything()]);
    }
  });

  it('asks no key on /health, /ready and /metrics, a bearer key elsewhere, and names the roles of each write', () => {
    const doc = committed();
    for (const [path, method, op] of operationsOf(doc)) {
      const open = ['/health', '/ready', '/metrics'].includes(path) || path.startsWith('/problems');
      expect([path, op.security]).toEqual([path, open ? [] : [{ apiKey: [] }]]);
      if (method === 'post' && path !== '/authorisation-checks') expect([path, (op as any)['x-roles']?.length > 0]).toEqual([path, true]);
      if (method === 'post')
        expect([path, op.parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header')]).toEqual([path, true]);
    }
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const amend = doc.paths['/deliberations/{id}/amendments'].post;
    expect(amend.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
    expect(amend.responses['412']).toBeDefined();
  });

  it('gives dates and instants their formats in parameters', () => {
    const params = committed().paths['/deliberations/{id}'].get.parameters;
    expect(params.find((p: { name: string }) => p.name === 'on').schema.format).toBe('date');
    expect(params.find((p: { name: string }) => p.name === 'knownAt').schema.anyOf).toEqual([{ format: 'date-time' }, { format: 'date' }]);
  });

  it('points every problem type at a page the service serves', async () => {
    for (const code of PROBLEM_CODES) {
      const page = expectStatus(await api.request('GET', `/problems/${code}`, { role: null }), 200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain(code);
    }
    const problem = (await api.request('GET', '/deliberations/99-999', { role: 'auditor' })).body;
    expect(expectStatus(await api.request('GET', problem.type, { role: null }), 200).text).toContain('How to fix it');
  });

  it('the response check used by every e2e request refuses an undocumented field, status or content type', () => {
    const health = { method: 'GET', path: '/health', status: 200, contentType: 'application/json; charset=utf-8', body: { status: 'ok' } };
    expect(undocumented(health)).toBeUndefined();
    expect(undocumented({ ...health, body: { status: 'ok', extra: 1 } })).toMatch(/additional/);
    expect(undocumented({ ...health, status: 201 })).toMatch(/not documented/);
    expect(undocumented({ ...health, contentType: 'text/html' })).toMatch(/content type/);
    const problem = { type: '/problems/NOT_FOUND', title: 'Not found', status: 404, code: 'not-found' };
    expect(
      undocumented({
        method: 'GET',
        path: '/deliveries/0b6f3a52-8f1e-4c63-9a57-2d1f0c6d9e41',
        status: 404,
        contentType: 'application/problem+json',
        body: problem,
      }),
    ).toMatch(/allowed values/);
  });
});
