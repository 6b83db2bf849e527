/** The identity provider the desk may send people to, from the service's public `/desk-config.json`. */
export interface DeskOidc {
  issuer: string;
  clientId: string;
  scope: string;
  providerName: string;
  /** Where the provider sends the person back (the sign-in page). */
  redirectPath: string;
}

export interface DeskConfig {
  oidc: DeskOidc | null;
}

/** Without an answer (an older service, a lost connection) the desk offers API keys only. */
export async function loadDeskConfig(): Promise<DeskConfig> {
  try {
    const response = await fetch('/desk-config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return { oidc: null };
    const body = (await response.json()) as Partial<DeskConfig>;
    return { oidc: body.oidc ?? null };
  } catch {
    return { oidc: null };
  }
}

export const redirectUri = (oidc: DeskOidc): string => new URL(oidc.redirectPath, window.location.origin).href;
