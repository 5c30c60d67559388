// Encrypts every payload Temporal stores (inputs, results, updates, queries, memos, failures'
// details, user metadata) with AES-256-GCM, so Temporal's database and UI hold no firm data in
// clear. Each payload names the key that sealed it: rotation adds a newer key in front, and
// payloads sealed with an older one still open while that key is listed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PayloadProto = temporal.api.common.v1.Payload;

export interface PayloadKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

/** The listed keys, newest first: the first seals, any opens. */
export type PayloadKeys = readonly [PayloadKey, ...PayloadKey[]];

/**
 * The development and test key: published here on purpose, so histories recorded on one
 * developer's machine open on another's. Production refuses to start without PAYLOAD_KEYS.
 */
export const DEVELOPMENT_PAYLOAD_KEYS = 'dev-1:Z3JlZW5sYW5lLWRldmVsb3BtZW50LW5vdC1zZWNyZXQ=';

/** Parses `keyId:base64-of-32-bytes[,keyId:…]` (PAYLOAD_KEYS); the message names what is wrong. */
export function parsePayloadKeys(text: string): PayloadKeys {
  const keys = text.split(',').map((entry, i) => {
    const m = /^\s*([\w.-]{1,64}):([A-Za-z0-9+/]+={0,2})\s*$/.exec(entry);
    if (!m) throw new Error(`entry ${i + 1} is not keyId:base64 (key ids: letters, digits, . _ -)`);
    const key = Buffer.from(m[2], 'base64');
    if (key.length !== 32) throw new Error(`key '${m[1]}' is ${key.length} bytes; AES-256 needs 32 (openssl rand -base64 32)`);
    return { id: m[1], key };
  });
  const ids = keys.map((k) => k.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`key id '${repeated}' is listed twice`);
  return keys as unknown as PayloadKeys;
}

export class UnknownPayloadKeyError extends Error {}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: PayloadKeys) {
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    return payloads.map((p) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The key id is authenticated too: a payload relabelled with another key id does not open.
      cipher.setAAD(Buffer.from(id));
      const sealed = Buffer.concat([cipher.update(PayloadProto.encode(p).finish()), cipher.final()]);
      return {
        metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(id) },
        data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      // Payloads written before the codec (or by a client without it) are read as they are.
      if (Buffer.from(p.metadata?.encoding ?? []).toString() !== ENCRYPTED_ENCODING) return p;
      const id = Buffer.from(p.metadata?.[KEY_ID_METADATA] ?? []).toString();
      const key = this.byId.get(id);
      if (!key) throw new UnknownPayloadKeyError(`payload sealed with key '${id}', which PAYLOAD_KEYS does not list (listed: ${[...this.byId.keys()].join(', ')})`);
      const data = Buffer.from(p.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadProto.decode(plain) as Payload;
    });
  }
}
