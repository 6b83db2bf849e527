import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A pino logger that keeps every line it writes (parsed), so a test can assert on the log. */
export function capturedLog(level = 'info'): { log: Logger; lines: Record<string, any>[]; errors(): Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level }, sink), lines, errors: () => lines.filter((l) => l.level >= 50) };
}
