import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Another live process (or this one) has the embedded data directory open. */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dataDir} is in use by process ${pid}; the embedded database allows one process at a time`);
    this.name = 'DataDirectoryInUseError';
  }
}

export interface DataDirectoryLock {
  release(): void;
}

const LOCK_FILE = 'registry.lock';
/** Directories this process holds, so a second open in the same process is refused as well. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file exclusively with our pid; false when it exists already. */
function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes `<dataDir>/registry.lock`, a file holding the owner's pid, created with O_EXCL. A lock
 * whose pid is dead (a crash, SIGKILL) is stale and taken over; a live owner means refusal.
 * Released on close and on process exit. (A pid reused by an unrelated process after a crash
 * makes a false refusal, never a second writer; delete the file after checking.)
 */
export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  if (held.has(dir)) throw new DataDirectoryInUseError(dataDir, process.pid);
  for (let attempt = 0; !tryCreate(path); attempt++) {
    const owner = ownerOf(path);
    // An owner that is alive, or a file still being written by one (no pid yet): refuse.
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw new DataDirectoryInUseError(dataDir, owner);
    if (owner === undefined && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // give its writer a moment
      continue;
    }
    if (attempt > 3) throw new DataDirectoryInUseError(dataDir, owner ?? 0);
    try {
      unlinkSync(path); // stale: its process is gone
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  held.add(dir);
  const release = () => {
    if (!held.delete(dir)) return;
    process.removeListener('exit', release);
    if (ownerOf(path) === process.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return { release };
}
