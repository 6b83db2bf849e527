import { timingSafeEqual, createHash } from 'node:crypto';
import { SetMetadata, type CanActivate, type ExecutionContext, Injectable, Inject } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { ApiKey, OidcConfig, Role } from '../core/config.js';

const ROLES_KNOWN: Role[] = ['secretariat', 'steward', 'auditor'];
import { problemError } from './problem.js';

export const API_KEYS = Symbol('API_KEYS');
export const OIDC = Symbol('OIDC');
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
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKey[],
    @Inject(OIDC) private readonly oidc: OidcConfig | null,
  ) {
    this.jwks = oidc ? createRemoteJWKSet(new URL(oidc.jwksUrl), { timeoutDuration: 5000 }) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = this.authenticate(request.headers.authorization) ?? (await this.verifyJwt(request.headers.authorization));
    if (!caller)
      throw problemError(
        401,
        'Unauthorised',
        { code: 'UNAUTHORISED', detail: 'Send Authorization: Bearer <api key>.' },
        { 'www-authenticate': 'Bearer' },
      );
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.includes(caller.role))
      throw problemError(403, 'Forbidden', {
        code: 'FORBIDDEN',
        detail: `The ${caller.role} role may not do this; it takes ${allowed.join(' or ')}.`,
      });
    request.caller = caller;
    return true;
  }

  /** A JWT signed by a key of the configured JWKS, from the issuer and for the audience, with a known role. */
  private async verifyJwt(header: string | undefined): Promise<Caller | undefined> {
    const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i.exec(header ?? '')?.[1];
    if (!token || !this.oidc || !this.jwks) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.oidc.issuer, audience: this.oidc.audience });
      const claim = payload[this.oidc.roleClaim];
      const role = (Array.isArray(claim) ? claim : [claim]).find((r): r is Role => ROLES_KNOWN.includes(r as Role));
      const actor = payload[this.oidc.actorClaim];
      return role && typeof actor === 'string' ? { actor, role } : undefined;
    } catch {
      return undefined;
    }
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
