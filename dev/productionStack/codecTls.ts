// The codec endpoint over HTTPS for the Temporal UI: UI 2.42 sends the signed-in user's access
// token to a codec endpoint only if it is https (otherwise it shows "Codec Server could not
// connect" and leaves payloads sealed). On this loopback topology the API speaks plain HTTP, so
// the stack puts a TLS listener in front of the API's /codec, with a self-signed certificate for
// 127.0.0.1 kept in the run directory (a browser that accepted it once keeps accepting it).
// Compose's answer is the deployment's TLS in front of the API (docs/docker-compose.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

export interface CodecTls {
  /** The endpoint the UI is given: https://127.0.0.1:<port>/codec. */
  url: string;
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made once with openssl into `dir`. */
function certificate(dir: string): { cert: Buffer; key: Buffer } {
  const [cert, key] = [path.join(dir, 'codec-cert.pem'), path.join(dir, 'codec-key.pem')];
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '825', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
    const r = spawnSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`openssl could not make the codec's certificate (${r.error?.message ?? r.stderr.toString().trim()}); apt-get install openssl`);
    fs.chmodSync(key, 0o600);
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/** Listens on 127.0.0.1:`port` and passes /codec requests (with their headers) to the API. */
export async function startCodecTls(dir: string, port: number, apiUrl: string): Promise<CodecTls> {
  const api = new URL(apiUrl);
  const server = https.createServer(certificate(dir), (req, res) => {
    if (!req.url?.startsWith('/codec/')) return void res.writeHead(404).end();
    const upstream = http.request({ host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${port}/codec`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
