// Greenlane's own bearer token for a Temporal frontend that has an authorizer (the production
// topology, Compose): the identity provider's client-credentials grant for Greenlane's client,
// whose tokens carry its permission on the namespace. Fetched before the first connection and
// renewed at half its lifetime, so a worker or the API that runs for weeks always holds a valid one.
import { z } from 'zod';

export interface TemporalOAuth {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
/** After a failed renewal: soon, while the current token still has half its life. */
const RETRY_MS = 10_000;

async function requestToken(oauth: TemporalOAuth): Promise<z.infer<typeof TokenResponse>> {
  const res = await fetch(oauth.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(oauth.clientId)}:${encodeURIComponent(oauth.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
  if (!res.ok) throw new Error(`the identity provider refused a token for Temporal to ${oauth.clientId}: HTTP ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
  return TokenResponse.parse(body);
}

export class TemporalToken {
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopped = false;
  private readonly renewed = new Set<(token: string) => void>();

  private constructor(
    private readonly oauth: TemporalOAuth,
    private token: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The first token (its failure stops the start: nothing can reach Temporal without it), then renewals. */
  static async start(oauth: TemporalOAuth, log: (message: string) => void = console.error): Promise<TemporalToken> {
    const first = await requestToken(oauth);
    const token = new TemporalToken(oauth, first.access_token, log);
    token.schedule(first.expires_in * 500);
    return token;
  }

  current(): string {
    return this.token;
  }

  /** Called with each renewed token (a native connection takes it through setApiKey); returns the unsubscribe. */
  onRenewed(listener: (token: string) => void): () => void {
    this.renewed.add(listener);
    return () => this.renewed.delete(listener);
  }

  /** No more renewals; resolves once a renewal already asked for has ended (its answer is not used). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(ms: number): void {
    // A renewal in flight when stop() came must not start another.
    if (this.stopped) return;
    this.timer = setTimeout(() => void (this.inFlight = this.renew()), ms);
    // A pending renewal must not keep a finished process alive.
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    try {
      const next = await requestToken(this.oauth);
      if (this.stopped) return;
      this.token = next.access_token;
      for (const listener of this.renewed) listener(next.access_token);
      this.schedule(next.expires_in * 500);
    } catch (err) {
      if (this.stopped) return;
      this.log(`Temporal token not renewed, retrying in ${RETRY_MS / 1000} s: ${(err as Error).message}`);
      this.schedule(RETRY_MS);
    }
  }
}

/** Greenlane's token for Temporal when the configuration asks for one (config.temporal.oauth). */
export const temporalTokenFor = (oauth: TemporalOAuth | undefined) => (oauth ? TemporalToken.start(oauth) : Promise.resolve(undefined));
