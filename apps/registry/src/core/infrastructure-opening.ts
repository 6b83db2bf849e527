import type { Logger } from 'pino';
import type { RegistryConfig } from './config.js';
import { RegistryInfrastructure } from './registry-infrastructure.js';

/**
 * The infrastructure CoreModule opens while Nest builds the application, held outside Nest as well:
 * when start-up fails after it opened (a later provider throws, a start-up hook fails), Nest gives
 * back no application whose `close()` would run the shutdown hooks, so the caller closes it here.
 */
export class InfrastructureOpening {
  private opening?: Promise<RegistryInfrastructure>;

  open(config: RegistryConfig, log: Logger): Promise<RegistryInfrastructure> {
    this.opening ??= RegistryInfrastructure.open(config, log);
    return this.opening;
  }

  /**
   * Closes what was opened, waiting for an opening still in progress (Nest may give up on another
   * provider while the migrations run). Nothing to do when it never opened, or failed to (it then
   * closed the database itself).
   */
  async release(): Promise<void> {
    const infrastructure = await this.opening?.catch(() => undefined);
    await infrastructure?.close();
  }
}

/**
 * Runs a Nest start-up on a fresh InfrastructureOpening; if it fails, closes what the core had
 * opened (the data-directory lock, the connections) and rethrows the start-up's own error.
 */
export async function releasingOnFailedStart<T>(log: Logger, start: (opening: InfrastructureOpening) => Promise<T>): Promise<T> {
  const opening = new InfrastructureOpening();
  try {
    return await start(opening);
  } catch (error) {
    await opening
      .release()
      .catch((closeError) => log.error({ err: closeError }, 'could not close the infrastructure after a failed start'));
    throw error;
  }
}
