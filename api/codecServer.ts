// Temporal's remote codec protocol for Temporal UI (and the CLI): POST <base>/encode and
// <base>/decode take and answer `{payloads: [{metadata: {k: base64}, data: base64}]}`, the
// namespace in X-Namespace. Mounted at /codec beside the API rather than declared in
// api/routes: it speaks Temporal's protocol, not Greenlane's contract, it is called from the UI's
// origin (CORS), and development lets the UI on this machine call it without a token.
//
// Who may decode: an operator or the task force, by the same token verification as the API
// (the UI passes the signed-in person's access token with TEMPORAL_CODEC_PASS_ACCESS_TOKEN).
// Every decode is audited before it is answered. The UI sends nothing that names the workflow
// (only X-Namespace), so the audit row names the namespace and the number of payloads.
import express, { type RequestHandler, type Router } from 'express';
import type { Payload } from '@temporalio/common';
import { z } from 'zod';
import type { Principal, Role } from '../domain/people';
import { writeAudit } from '../infra/audit';
import type { Database } from '../infra/database';
import { AesGcmPayloadCodec, UnknownPayloadKeyError, type PayloadKeys } from '../infra/payloadCodec';
import { bearerToken } from './auth/middleware';
import type { VerifyToken } from './auth/verifier';
import { Problem, auditUnavailable, parseOr422 } from './problem';

/** Roles that read firm data in Temporal UI's timelines. */
export const CODEC_ROLES: readonly Role[] = ['operator', 'task_force'];

export interface CodecServerOptions {
  keys: PayloadKeys;
  /** Origins whose pages may call it (Temporal UI's). */
  corsOrigins: readonly string[];
  /** Development: a request without a token from this machine is let in (the dev server's UI sends none). */
  development: boolean;
  verify: VerifyToken;
  db: Database;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const PayloadsBody = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(10_000),
});
type JsonPayload = z.output<typeof PayloadsBody>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function codecServer(options: CodecServerOptions): Router {
  const codec = new AesGcmPayloadCodec(options.keys);
  const router = express.Router();
  router.use(cors(options.corsOrigins));
  router.use(express.json({ limit: '8mb', strict: true }));

  const run = (direction: 'encode' | 'decode'): RequestHandler => async (req, res) => {
    const principal = await caller(req.get('authorization'), req.socket.remoteAddress ?? '', options);
    const namespace = req.get('x-namespace');
    if (!namespace) throw new Problem(422, 'validation', 'The request is not valid', 'X-Namespace: the namespace of the payloads is required');
    const { payloads } = parseOr422(PayloadsBody, req.body);
    let converted: Payload[];
    try {
      converted = await codec[direction](payloads.map(fromJson));
    } catch (err) {
      const detail = err instanceof UnknownPayloadKeyError ? err.message : 'a payload does not open with its key (altered, or sealed by another key of the same id)';
      throw new Problem(422, 'payload-not-decoded', 'The payloads cannot be decoded', detail);
    }
    if (direction === 'decode') {
      // Written before the answer: a decode that cannot be audited is not answered.
      const entry = {
        actor: principal?.sub ?? 'development-loopback',
        action: 'PAYLOADS_DECODED',
        subject: `namespace:${namespace}`,
        after: { role: principal?.role ?? null, payloads: payloads.length, requestId: req.requestId ?? null, origin: req.get('origin') ?? null },
      };
      await writeAudit(options.db, entry).catch((err: unknown) => {
        req.log?.error({ err }, 'audit entry not written: the decode is refused');
        throw auditUnavailable();
      });
    }
    res.json({ payloads: converted.map(toJson) });
  };
  router.post('/encode', run('encode'));
  router.post('/decode', run('decode'));
  return router;
}

/** The caller by their bearer token; without one, nobody, which only development on loopback accepts. */
async function caller(authorization: string | undefined, remoteAddress: string, options: CodecServerOptions): Promise<Principal | undefined> {
  if (authorization === undefined) {
    if (options.development && LOOPBACK.test(remoteAddress)) return undefined;
    throw new Problem(401, 'unauthenticated', 'Authentication required', 'Send Authorization: Bearer <access token> (Temporal UI: TEMPORAL_CODEC_PASS_ACCESS_TOKEN=true)');
  }
  const token = bearerToken(authorization);
  const principal = token ? await options.verify(token).catch(() => undefined) : undefined;
  if (!principal) throw new Problem(401, 'unauthenticated', 'Authentication required', 'The token is invalid, expired, or not for this API');
  if (!CODEC_ROLES.includes(principal.role)) throw new Problem(403, 'forbidden', 'Not allowed for your role', `decoding payloads needs one of: ${CODEC_ROLES.join(', ')}`);
  return principal;
}

/** CORS for the UI's origin: its fetch sends JSON, X-Namespace and (passed on) Authorization. */
function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    const allowed = origin !== undefined && origins.includes(origin);
    res.vary('Origin');
    if (allowed) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST',
        // Temporal UI sends the signed-in person's ID token in Authorization-Extras beside the access token.
        'Access-Control-Allow-Headers': 'Content-Type, X-Namespace, Authorization, Authorization-Extras',
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method !== 'OPTIONS') return next();
    if (!allowed) throw new Problem(403, 'forbidden', 'Origin not allowed', `${origin ?? 'no Origin'} is not in CODEC_CORS_ORIGINS`);
    res.status(204).end();
  };
}
