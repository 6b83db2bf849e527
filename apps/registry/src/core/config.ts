import { z } from 'zod';
import type { DatabaseTimeouts } from '@registry/database';

export type Role = 'secretariat' | 'steward' | 'auditor';

export interface ApiKey {
  actor: string;
  role: Role;
  key: string;
}

/** Used when REGISTRY_API_KEYS is unset, so a first `npm start` can be tried at once (logged loudly). */
export const DEVELOPMENT_KEYS = 'secretariat:secretariat:dev-secretariat,steward:steward:dev-steward,auditor:auditor:dev-auditor';

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REGISTRY_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  KURRENTDB_URL: z.string().optional(),
  REGISTRY_API_KEYS: z.string().optional(),
  REGISTRY_WEBHOOK_URL: z.string().url().optional(),
  REGISTRY_WEBHOOK_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
  REGISTRY_REMINDER_EMAIL_TO: z.string().optional(),
  REGISTRY_REMINDER_EMAIL_FROM: z.string().default('registry@localhost'),
  REGISTRY_REMINDER_CRON: z.string().default('0 6 * * *'),
  REGISTRY_REMINDER_THRESHOLDS: z.string().default('180,90,30,7'),
  REGISTRY_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  REGISTRY_BODY_LIMIT: z.string().default('1mb'),
  REGISTRY_VERIFY_ON_START: z.enum(['true', 'false']).default('true'),
  REGISTRY_PROJECTION_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  REGISTRY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  REGISTRY_OIDC_JWKS_URL: z.string().url().optional(),
  REGISTRY_OIDC_ISSUER: z.string().optional(),
  REGISTRY_OIDC_AUDIENCE: z.string().optional(),
  REGISTRY_OIDC_ROLE_CLAIM: z.string().default('registry_role'),
  REGISTRY_OIDC_ACTOR_CLAIM: z.string().default('sub'),
  REGISTRY_OIDC_CLIENT_ID: z.string().max(500).optional(),
  REGISTRY_OIDC_DESK_SCOPE: z.string().max(500).default('openid'),
  REGISTRY_OIDC_PROVIDER_NAME: z.string().max(100).optional(),
  REGISTRY_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  REGISTRY_DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  REGISTRY_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  REGISTRY_DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(35_000),
  REGISTRY_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface RegistryConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  kurrentDbUrl?: string;
  apiKeys: ApiKey[];
  usingDevelopmentKeys: boolean;
  webhookUrl?: string;
  webhookSecret?: string;
  smtpUrl?: string;
  emailTo?: string;
  emailFrom: string;
  reminderCron: string;
  reminderThresholds: number[];
  outboxIntervalMs: number;
  bodyLimit: string;
  projectionBatchSize: number;
  verifyOnStart: boolean;
  rateLimitPerMinute: number;
  logLevel: string;
  databaseTimeouts: DatabaseTimeouts;
  /** /health and /ready give up on the database after this long and answer 503. */
  healthTimeoutMs: number;
  oidc?: OidcConfig;
}

/** Bearer JWTs from an identity provider, beside API keys: the role comes from a claim. */
export interface OidcConfig {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  roleClaim: string;
  actorClaim: string;
  /** The desk's own authorization-code-with-PKCE sign-in, when a client id is configured. */
  desk?: OidcDeskClient;
}

/** What the desk needs to send a person to the identity provider (public: no secret in it). */
export interface OidcDeskClient {
  /** Discovery runs in the browser at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  scope: string;
  /** Shown as "Sign in with <providerName>". */
  providerName: string;
}

export function parseApiKeys(value: string): ApiKey[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((triple) => {
      const [actor, role, ...rest] = triple.split(':');
      const key = rest.join(':');
      if (!actor || !key || !['secretariat', 'steward', 'auditor'].includes(role))
        throw new Error(`REGISTRY_API_KEYS: "${actor}:${role}:…" is not actor:role:key with role secretariat, steward or auditor`);
      return { actor, role: role as Role, key };
    });
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const e = env.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  const thresholds = e.REGISTRY_REMINDER_THRESHOLDS.split(',').map((t) => Number(t.trim()));
  if (thresholds.some((t) => !Number.isInteger(t) || t < 0))
    throw new Error('REGISTRY_REMINDER_THRESHOLDS: whole numbers of days, e.g. 180,90,30,7');
  const desk = deskClient(e);
  return {
    port: e.PORT,
    dataDir: e.REGISTRY_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    kurrentDbUrl: e.KURRENTDB_URL,
    apiKeys: parseApiKeys(e.REGISTRY_API_KEYS ?? DEVELOPMENT_KEYS),
    usingDevelopmentKeys: e.REGISTRY_API_KEYS === undefined,
    webhookUrl: e.REGISTRY_WEBHOOK_URL,
    webhookSecret: e.REGISTRY_WEBHOOK_SECRET,
    smtpUrl: e.SMTP_URL,
    emailTo: e.REGISTRY_REMINDER_EMAIL_TO,
    emailFrom: e.REGISTRY_REMINDER_EMAIL_FROM,
    reminderCron: e.REGISTRY_REMINDER_CRON,
    reminderThresholds: thresholds,
    outboxIntervalMs: e.REGISTRY_OUTBOX_INTERVAL_MS,
    bodyLimit: e.REGISTRY_BODY_LIMIT,
    projectionBatchSize: e.REGISTRY_PROJECTION_BATCH,
    verifyOnStart: e.REGISTRY_VERIFY_ON_START === 'true',
    rateLimitPerMinute: e.REGISTRY_RATE_LIMIT_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    databaseTimeouts: {
      statementMs: e.REGISTRY_DB_STATEMENT_TIMEOUT_MS,
      lockMs: e.REGISTRY_DB_LOCK_TIMEOUT_MS,
      connectMs: e.REGISTRY_DB_CONNECT_TIMEOUT_MS,
      queryMs: e.REGISTRY_DB_QUERY_TIMEOUT_MS,
    },
    healthTimeoutMs: e.REGISTRY_HEALTH_TIMEOUT_MS,
    oidc: e.REGISTRY_OIDC_JWKS_URL
      ? {
          jwksUrl: e.REGISTRY_OIDC_JWKS_URL,
          issuer: e.REGISTRY_OIDC_ISSUER,
          audience: e.REGISTRY_OIDC_AUDIENCE,
          roleClaim: e.REGISTRY_OIDC_ROLE_CLAIM,
          actorClaim: e.REGISTRY_OIDC_ACTOR_CLAIM,
          desk,
        }
      : undefined,
  };
}

/** The desk's sign-in needs the issuer (for discovery) and the JWKS (so the service can check its tokens). */
function deskClient(e: z.infer<typeof env>): OidcDeskClient | undefined {
  if (!e.REGISTRY_OIDC_CLIENT_ID) return undefined;
  if (!e.REGISTRY_OIDC_JWKS_URL || !e.REGISTRY_OIDC_ISSUER)
    throw new Error('REGISTRY_OIDC_CLIENT_ID: the desk sign-in also needs REGISTRY_OIDC_ISSUER and REGISTRY_OIDC_JWKS_URL');
  let issuer: URL;
  try {
    issuer = new URL(e.REGISTRY_OIDC_ISSUER);
  } catch {
    throw new Error(`REGISTRY_OIDC_ISSUER: the desk sign-in needs an https URL, not "${e.REGISTRY_OIDC_ISSUER}"`);
  }
  if (issuer.protocol !== 'https:' && !isLoopback(issuer))
    throw new Error(`REGISTRY_OIDC_ISSUER: the desk sign-in needs an https URL (plain http only on localhost), not "${issuer.href}"`);
  // The desk checks the ID token's nonce, so it asks for one.
  if (!e.REGISTRY_OIDC_DESK_SCOPE.split(/\s+/).includes('openid'))
    throw new Error(`REGISTRY_OIDC_DESK_SCOPE: the desk sign-in needs the openid scope, not "${e.REGISTRY_OIDC_DESK_SCOPE}"`);
  return {
    issuer: e.REGISTRY_OIDC_ISSUER,
    clientId: e.REGISTRY_OIDC_CLIENT_ID,
    scope: e.REGISTRY_OIDC_DESK_SCOPE,
    providerName: e.REGISTRY_OIDC_PROVIDER_NAME ?? issuer.hostname,
  };
}

/** Plain http is allowed for an identity provider on this machine only (development, tests). */
export const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
