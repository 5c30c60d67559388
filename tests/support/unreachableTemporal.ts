// A Temporal connection to a loopback port nobody listens on: every call fails as it does while
// Temporal is down (gRPC UNAVAILABLE once the client's retries give up). Use with stack.appOn.
import { Connection } from '@temporalio/client';
import net from 'node:net';

/** A loopback port free a moment ago. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function unreachableTemporal(): Promise<Connection> {
  return Connection.lazy({ address: `127.0.0.1:${await deadPort()}` });
}
