import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Config } from '../../infra/config';
import { checkCreditCode } from '../../domain/creditCode';
import { ROLES, type Principal } from '../../domain/people';

const Claims = z
  .object({
    sub: z.string().min(1),
    name: z.string().min(1),
    role: z.enum(ROLES),
    street: z.string().optional(),
    bank: z.string().optional(),
    community: z.string().optional(),
    team: z.string().optional(),
    creditCode: z.string().refine((c) => checkCreditCode(c).ok && c === c.toUpperCase()).optional(),
  })
  // A firm reaches only the cases of its credit code: a firm token without one is refused, not scoped to nothing.
  .refine((c) => c.role !== 'firm' || c.creditCode !== undefined);

export type VerifyToken = (token: string) => Promise<Principal>;

/** The development signing secret: configured, or generated once into the data directory. */
export function devSecret(config: Config): Uint8Array {
  if (config.auth.devSecret) return new TextEncoder().encode(config.auth.devSecret);
  const file = path.join(config.dataDir, 'dev-signing-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

/** Verifies signature, issuer, audience, expiry and age; the claims must name a known role. */
export function createVerifier(config: Config): VerifyToken {
  const { issuer, audience, jwksUrl, maxTokenAgeSeconds } = config.auth;
  const key: Uint8Array | JWTVerifyGetKey = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : devSecret(config);
  const algorithms = jwksUrl ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'];
  return async (token) => {
    // maxTokenAge also requires `iat`: a token that does not say when it was issued is refused.
    const { payload } = await jwtVerify(token, key as Uint8Array, { issuer, audience, algorithms, maxTokenAge: maxTokenAgeSeconds, requiredClaims: ['exp', 'sub'] });
    return Claims.parse(payload);
  };
}

/** Mints a development token (the embedded default's local key). */
export function mintDevToken(config: Config, p: Principal, ttl = '12h'): Promise<string> {
  const { sub, ...claims } = p;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(devSecret(config));
}
