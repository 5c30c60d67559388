// What the shared data converter (infra/dataConverter.ts) seals besides inputs and results:
// failures' messages and stack traces, and workflows' static summary and details (user metadata),
// through the same helpers the SDK's client and worker call.
import { ApplicationFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  decodeUserMetadata,
  encodeErrorToFailure,
  encodeUserMetadata,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { developmentDataConverter } from '../../infra/dataConverter';

const FIRM = '厦门鹭江装饰工程有限公司';
const converter = loadDataConverter(developmentDataConverter());
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)), 'latin1');
const plain = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

it('seals a failure: its message and stack travel encrypted, and come back whole', async () => {
  const failure = await encodeErrorToFailure(converter, ApplicationFailure.nonRetryable(`${FIRM} 的尽调报告无法读取`, 'DueDiligenceUnreadable'));
  expect(failure.message).toBe('Encoded failure');
  expect(failure.stackTrace).toBe('');
  expect(bytes(failure).toString('latin1')).not.toContain(plain(FIRM));
  const error = await decodeOptionalFailureToOptionalError(converter, failure);
  expect(error?.message).toBe(`${FIRM} 的尽调报告无法读取`);
});

it('seals user metadata (a workflow\'s static summary and details)', async () => {
  const metadata = await encodeUserMetadata(converter, `${FIRM} · 514万元`, `${FIRM} 详情`);
  expect(bytes(metadata).toString('latin1')).not.toContain(plain(FIRM));
  expect(await decodeUserMetadata(converter, metadata)).toEqual({ staticSummary: `${FIRM} · 514万元`, staticDetails: `${FIRM} 详情` });
});
