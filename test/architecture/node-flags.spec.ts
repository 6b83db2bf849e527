import { readFileSync } from 'node:fs';
import { SERVICE_NODE_FLAGS } from '../bench/server.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the service runs with the same node flags wherever it is started (issue 14)', () => {
  it('npm start, the Dockerfile and the bench pass the same V8 heap flags', () => {
    const start: string = JSON.parse(read('package.json')).scripts.start;
    const cmd = read('Dockerfile')
      .split('\n')
      .find((line) => line.startsWith('CMD '))!;
    expect(SERVICE_NODE_FLAGS).toEqual(['--heap-growing-percent=50']);
    expect(start).toBe(`node ${SERVICE_NODE_FLAGS.join(' ')} dist/apps/registry/src/main.js`);
    expect(JSON.parse(cmd.slice(4))).toEqual(['node', ...SERVICE_NODE_FLAGS, 'dist/apps/registry/src/main.js']);
  });
});
