import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a database, for outage tests: `stall()` keeps every connection open
 * but forwards nothing (packets dropped, as on a dead network path); `refuse()` closes the
 * listener and every connection (connection refused); `heal()` forwards again.
 */
export interface TcpProxy {
  port: number;
  stall(): void;
  heal(): void;
  refuse(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let stalled = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.on('data', (chunk) => void (stalled || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (stalled || client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const closeAll = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return {
    port,
    stall: () => void (stalled = true),
    heal: () => void (stalled = false),
    refuse: closeAll,
    close: () => (server.listening ? closeAll() : Promise.resolve()),
  };
}
