import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { OidcDeskClient } from '../core/config.js';

/** Where `npm run build` puts the desk (apps/desk, built by Vite); REGISTRY_DESK_DIR overrides it. */
export const deskDirectory = (): string => resolve(process.env.REGISTRY_DESK_DIR ?? 'dist/desk');

/** Where the identity provider sends the person back: the sign-in page reads `?code=&state=`. */
export const DESK_CALLBACK_PATH = '/desk/sign-in';

/** `GET /desk-config.json`: what the desk must know before anyone signs in. Public, no secret. */
export interface DeskConfig {
  oidc: (OidcDeskClient & { redirectPath: string }) | null;
}

export interface DeskOptions {
  directory?: string;
  /** The OIDC client the desk signs in with (REGISTRY_OIDC_CLIENT_ID and friends), if any. */
  oidc?: OidcDeskClient;
}

export const deskConfig = (oidc: OidcDeskClient | undefined): DeskConfig => ({
  oidc: oidc ? { ...oidc, redirectPath: DESK_CALLBACK_PATH } : null,
});

/**
 * The page's Content-Security-Policy with `connect-src` widened to the identity provider's
 * origin: the desk fetches its discovery document and token endpoint from the browser.
 */
export function withConnectSource(policy: string, origin: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^connect-src(\s|$)/i.test(d));
  return [...directives, `connect-src 'self' ${origin}`].join(';');
}

/**
 * Serves the built desk: its hashed assets under /desk-assets, its configuration at
 * /desk-config.json, and its page at `/` and every client route under `/desk/`. No API route
 * lives under either, so nothing is shadowed.
 */
export function mountDesk(app: { use(...handlers: unknown[]): unknown }, options: DeskOptions = {}): void {
  const directory = options.directory ?? deskDirectory();
  const index = resolve(directory, 'index.html');
  const assets = express.static(resolve(directory, 'desk-assets'), { index: false, immutable: true, maxAge: '365d' });
  const config = deskConfig(options.oidc);
  const providerOrigin = options.oidc ? new URL(options.oidc.issuer).origin : undefined;
  const page = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/desk-config.json') return res.setHeader('cache-control', 'no-cache').json(config);
    if (req.path !== '/' && req.path !== '/desk' && !req.path.startsWith('/desk/')) return next();
    if (!existsSync(index)) return next();
    res.setHeader('cache-control', 'no-cache');
    const policy = res.getHeader('content-security-policy');
    if (providerOrigin && typeof policy === 'string') res.setHeader('content-security-policy', withConnectSource(policy, providerOrigin));
    res.sendFile(index);
  };
  app.use('/desk-assets', assets);
  app.use(page);
}
