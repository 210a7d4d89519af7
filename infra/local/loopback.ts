/** Local engines listen on 127.0.0.1 only: nothing of `npm start` is reachable from the network. */

import type { Server } from 'node:net';

/** Listens on `port` (0 picks a free one) and resolves with the port it got. */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address();
  return address && typeof address === 'object' ? address.port : port;
}
