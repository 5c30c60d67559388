// The API's HTTP server cuts off a client that never finishes its request headers (slow-loris),
// and still answers everyone else.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../api/httpServer';

it('closes a connection whose headers do not arrive in time, and keeps serving', async () => {
  const server = createHttpServer((_req, res) => res.end('ok'), { requestTimeoutMs: 2_000, headersTimeoutMs: 500, keepAliveTimeoutMs: 500 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/v1/banks HTTP/1.1\r\nHost: x\r\n'));
      let received = '';
      socket.on('data', (d) => (received += d.toString()));
      socket.on('close', () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
