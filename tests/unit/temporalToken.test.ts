// Greenlane's token for Temporal (infra/temporalToken.ts) against a stand-in token endpoint: the
// client-credentials request it sends, renewal at half the token's life with the new token handed
// to listeners until they unsubscribe, a retry after a refused renewal, and a refused first token stopping the start.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TemporalToken } from '../../infra/temporalToken';
import { eventually } from '../support/eventually';

let server: http.Server;
let tokenUrl: string;
const requests: Array<{ authorization?: string; body: string }> = [];
let answers: Array<{ status: number; body: object }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, body });
      const next = answers.shift() ?? { status: 200, body: { access_token: `t${requests.length}`, expires_in: 0.2, token_type: 'Bearer' } };
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  requests.length = 0;
  answers = [];
});

const oauth = () => ({ tokenUrl, clientId: 'greenlane-temporal', clientSecret: 's3cret' });

it('asks with its client credentials and renews at half the token\'s life, handing the new token on', async () => {
  const token = await TemporalToken.start(oauth());
  const renewed: string[] = [];
  token.onRenewed((t) => renewed.push(t));
  expect(token.current()).toBe('t1');
  expect(requests[0]).toEqual({ authorization: `Basic ${Buffer.from('greenlane-temporal:s3cret').toString('base64')}`, body: 'grant_type=client_credentials' });
  await eventually(async () => expect(renewed.slice(0, 2)).toEqual(['t2', 't3']), 5_000);
  // Its renewal in flight ends before the next test's answers are set.
  await token.stop();
  expect(token.current()).toBe(renewed.at(-1));
});

it('hands no more renewals to a listener that unsubscribed (a closed connection)', async () => {
  const token = await TemporalToken.start(oauth());
  const kept: string[] = [];
  const dropped: string[] = [];
  token.onRenewed((t) => kept.push(t));
  const unsubscribe = token.onRenewed((t) => dropped.push(t));
  await eventually(async () => expect(kept.length).toBeGreaterThan(0), 5_000);
  unsubscribe();
  const handedBoth = kept.length;
  await eventually(async () => expect(kept.length).toBeGreaterThan(handedBoth + 1), 5_000);
  await token.stop();
  expect(dropped).toEqual(kept.slice(0, handedBoth));
});

it('keeps the current token and tries again when a renewal is refused', async () => {
  answers = [{ status: 200, body: { access_token: 'first', expires_in: 0.2 } }, { status: 503, body: { error: 'temporarily_unavailable' } }];
  const messages: string[] = [];
  const token = await TemporalToken.start(oauth(), (m) => messages.push(m));
  // The retry comes 10 s later: until then the first token stays in use.
  await eventually(async () => expect(messages).toEqual([expect.stringContaining('HTTP 503 temporarily_unavailable')]), 5_000);
  expect(token.current()).toBe('first');
  await token.stop();
});

it('does not start without a first token, naming the refusal', async () => {
  answers = [{ status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } }];
  await expect(TemporalToken.start(oauth())).rejects.toThrow('the identity provider refused a token for Temporal to greenlane-temporal: HTTP 401 invalid_client client authentication failed');
});
