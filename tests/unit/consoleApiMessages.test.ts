// The console shows the API's field messages in Chinese: taken from the API's own schemas, so a
// message the API starts wording differently fails here instead of showing in English.
import type { z } from 'zod';
import { fieldErrors } from '../../api/problem';
import { CreateCaseBody, DecisionBody, EVIDENCE, ReassignBody, SciTechDecisionBody } from '../../api/schemas';
import { apiMessage } from '../../web/src/apiMessages';

const messages = (schema: z.ZodType, body: unknown) => {
  const r = schema.safeParse(body);
  if (r.success) throw new Error('expected the body to be refused');
  return fieldErrors(r.error);
};
const chinese = /[\u4e00-\u9fff]/;

it.each([
  ['a new case', CreateCaseBody, { firmName: '', creditCode: 'MA2AA00I', street: 'lujiang', bank: 'xib', amount: '0', purpose: '流'.repeat(501) }],
  ['a new case with a malformed code and amount', CreateCaseBody, { firmName: '厦门', creditCode: '91350203MA2AA0011SX', street: 'lujiang', bank: 'xib', amount: '12.345', purpose: '流动资金' }],
  ['grid submission evidence', EVIDENCE.GRID_SUBMISSION, { applicationNo: 'X1' }],
  ['a decision', DecisionBody, { outcome: 'APPROVED', amount: '1000', rateBp: 3.5, termMonths: 1.5 }],
  ['a reassignment', ReassignBody, { assignee: '', reason: '' }],
  [
    'a sci-tech application',
    CreateCaseBody,
    {
      product: 'SCI_TECH',
      firmName: '厦门莲前生物科技有限公司',
      creditCode: '91350203MA2AA0011S',
      street: 'lianqian',
      bank: 'ccb',
      amount: '1200000',
      purpose: '研发',
      application: {
        patents: [
          { patentNo: 'CN123', type: 'TRADEMARK', remainingYears: 2.5 },
          { patentNo: 'ZL202210000041.1', type: 'INVENTION' },
          { patentNo: 'ZL202210000042.1', type: 'INVENTION', remainingYears: 21 },
          { patentNo: 'ZL202210000043.1', type: 'INVENTION', remainingYears: -1 },
        ],
        rdSpend: '-1',
        revenue: ['1', '2', 'x'],
        yearsInOperation: Number('three'),
        existingDebt: '0',
      },
    },
  ],
  ['a sci-tech application listing a patent twice', CreateCaseBody.options[1], { product: 'SCI_TECH', firmName: '厦门', creditCode: '91350203MA2AA0011S', street: 'lianqian', bank: 'ccb', amount: '1', purpose: '研发', application: { patents: [{ patentNo: 'ZL202210000041.1', type: 'INVENTION', remainingYears: 3 }, { patentNo: 'ZL202210000041.1', type: 'INVENTION', remainingYears: 3 }], rdSpend: '0', revenue: ['0', '0', '0'], yearsInOperation: 1, existingDebt: '0' } }],
  ['a sci-tech decision', SciTechDecisionBody, { outcome: 'APPROVED', amount: '1200000', rateBp: 1500, termMonths: 37 }],
  ['a sci-tech rejection', SciTechDecisionBody, { outcome: 'REJECTED', reasons: [] }],
])('shows what the API says about %s in Chinese, and in English as the API wrote it', (_what, schema, body) => {
  const errors = messages(schema, body);
  expect(errors.length).toBeGreaterThan(0);
  for (const { field, message } of errors) {
    expect({ field, zh: apiMessage(message, 'zh-CN') }).toEqual({ field, zh: expect.stringMatching(chinese) });
    expect(apiMessage(message, 'en')).toBe(message);
  }
});

it("shows the route's own messages in Chinese and an unknown one as it is", () => {
  expect(apiMessage("no active staff member 'nobody'", 'zh-CN')).toBe('没有在职人员“nobody”');
  expect(apiMessage("unknown street 'x'; see GET /api/v1/streets", 'zh-CN')).toBe('没有街道“x”');
  expect(apiMessage('something new', 'zh-CN')).toBe('something new');
});
