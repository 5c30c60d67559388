import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, DEVELOPMENT_PAYLOAD_KEYS, ENCRYPTED_ENCODING, KEY_ID_METADATA, UnknownPayloadKeyError, parsePayloadKeys } from '../../infra/payloadCodec';

const key = (id: string, byte: number) => `${id}:${Buffer.alloc(32, byte).toString('base64')}`;
const FIRM = { firmName: '厦门鹭江装饰工程有限公司', creditCode: '91350203MA2Y4ELK3B' };
const plain = (): Payload => defaultPayloadConverter.toPayload(FIRM);
const text = (p: Payload) => Buffer.from(p.data ?? []).toString('latin1') + Object.values(p.metadata ?? {}).map((v) => Buffer.from(v).toString('latin1')).join('');
const meta = (p: Payload, k: string) => Buffer.from(p.metadata![k]).toString();

it('seals a payload with the newest key: marked, named, and without the firm in its bytes', async () => {
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(`${key('2026-11', 1)},${key('2026-05', 2)}`));
  const [sealed] = await codec.encode([plain()]);
  expect(meta(sealed, 'encoding')).toBe(ENCRYPTED_ENCODING);
  expect(meta(sealed, KEY_ID_METADATA)).toBe('2026-11');
  expect(text(sealed)).not.toContain('91350203MA2Y4ELK3B');
  expect(text(sealed)).not.toContain(Buffer.from(FIRM.firmName).toString('latin1'));
  const [opened] = await codec.decode([sealed]);
  expect(defaultPayloadConverter.fromPayload(opened)).toEqual(FIRM);
});

it('seals the same value differently each time (a random nonce)', async () => {
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(DEVELOPMENT_PAYLOAD_KEYS));
  const [a, b] = await codec.encode([plain(), plain()]);
  expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
});

it('opens payloads sealed with an older key still listed, after rotation', async () => {
  const before = new AesGcmPayloadCodec(parsePayloadKeys(key('2026-05', 2)));
  const after = new AesGcmPayloadCodec(parsePayloadKeys(`${key('2026-11', 1)},${key('2026-05', 2)}`));
  const [old] = await before.encode([plain()]);
  expect(defaultPayloadConverter.fromPayload((await after.decode([old]))[0])).toEqual(FIRM);
  expect(meta((await after.encode([plain()]))[0], KEY_ID_METADATA)).toBe('2026-11');
});

it('fails clearly on a payload sealed with a key no longer listed', async () => {
  const [old] = await new AesGcmPayloadCodec(parsePayloadKeys(key('2025-11', 3))).encode([plain()]);
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(key('2026-11', 1)));
  await expect(codec.decode([old])).rejects.toThrow(UnknownPayloadKeyError);
  await expect(codec.decode([old])).rejects.toThrow("payload sealed with key '2025-11', which PAYLOAD_KEYS does not list (listed: 2026-11)");
});

it('refuses a payload whose bytes or key id were altered', async () => {
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(`${key('a', 1)},${key('b', 1)}`));
  const [sealed] = await codec.encode([plain()]);
  const flipped = Buffer.from(sealed.data!);
  flipped[20] ^= 1;
  await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow(/authenticate/);
  // The same key under another id: the id is authenticated data, so this fails too.
  await expect(codec.decode([{ ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: Buffer.from('b') } }])).rejects.toThrow(/authenticate/);
});

it('passes payloads without the encryption marker through unchanged (histories from before the codec)', async () => {
  const codec = new AesGcmPayloadCodec(parsePayloadKeys(DEVELOPMENT_PAYLOAD_KEYS));
  const p = plain();
  expect((await codec.decode([p]))[0]).toBe(p);
});

it.each([
  ['', /entry 1 is not keyId:base64/],
  [`k:${Buffer.alloc(31).toString('base64')}`, /key 'k' is 31 bytes/],
  [`${key('a', 1)},junk`, /entry 2 is not keyId:base64/],
])('rejects the key list %j', (text, message) => {
  expect(() => parsePayloadKeys(text)).toThrow(message);
});
