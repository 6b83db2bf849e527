import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where `npm run build` puts the desk (apps/desk, built by Vite); REGISTRY_DESK_DIR overrides it. */
export const deskDirectory = (): string => resolve(process.env.REGISTRY_DESK_DIR ?? 'dist/desk');

/**
 * Serves the built desk: its hashed assets under /desk-assets, and its page at `/` and every
 * client route under `/desk/`. No API route lives under either, so nothing is shadowed.
 */
export function mountDesk(app: { use(...handlers: unknown[]): unknown }, directory = deskDirectory()): void {
  const index = resolve(directory, 'index.html');
  const assets = express.static(resolve(directory, 'desk-assets'), { index: false, immutable: true, maxAge: '365d' });
  const page = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path !== '/' && req.path !== '/desk' && !req.path.startsWith('/desk/')) return next();
    if (!existsSync(index)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  };
  app.use('/desk-assets', assets);
  app.use(page);
}
