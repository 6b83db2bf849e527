import { timingSafeEqual, createHash } from 'node:crypto';
import { SetMetadata, type CanActivate, type ExecutionContext, Injectable, Inject } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { ApiKey, Role } from '../config.js';
import { problemError } from './problem.js';

export const API_KEYS = Symbol('API_KEYS');
const ROLES = 'registry:roles';
const PUBLIC = 'registry:public';

/** Only these roles may call the route (writes); routes without it are open to every role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** No key needed (health). */
export const Public = () => SetMetadata(PUBLIC, true);

export interface Caller {
  actor: string;
  role: Role;
}

export type AuthenticatedRequest = Request & { caller?: Caller; requestId?: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `Authorization: Bearer <key>`: 401 without a valid key, 403 when the role may not write here. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKey[],
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = this.authenticate(request.headers.authorization);
    if (!caller)
      throw problemError(401, 'Unauthorised', { code: 'UNAUTHORISED', detail: 'Send Authorization: Bearer <api key>.' }, { 'www-authenticate': 'Bearer' });
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.includes(caller.role))
      throw problemError(403, 'Forbidden', { code: 'FORBIDDEN', detail: `The ${caller.role} role may not do this; it takes ${allowed.join(' or ')}.` });
    request.caller = caller;
    return true;
  }

  private authenticate(header: string | undefined): Caller | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) return undefined;
    const given = digest(match[1]);
    // Compare digests in constant time, and look at every key, so timing tells nothing.
    let found: ApiKey | undefined;
    for (const key of this.keys) if (timingSafeEqual(digest(key.key), given)) found ??= key;
    return found && { actor: found.actor, role: found.role };
  }
}
