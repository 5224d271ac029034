import net from 'node:net';

/**
 * A TCP listener that hands each new connection to the next replica in turn, as a Kubernetes
 * Service (kube-proxy) does: requests on one kept-alive connection stay with its replica.
 */
export async function roundRobin(port: number, replicaPorts: number[]): Promise<{ close: () => Promise<void> }> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(replicaPorts[next++ % replicaPorts.length]!, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
