// A firm's record does not leak across streets: 鹭江 opens a case for a firm, 莲前 opens one for
// the same credit code under another name (with another bank), and each street and bank sees
// only what its own cases say of the firm, through every route that shows firm data.
import request from 'supertest';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
// A code of its own per run: the database outlives a run.
const CODE = validSimingCode(`MA${String(Date.now() % 1_000_000).padStart(6, '0')}`);
const A = { name: '厦门鹭江甲名称有限公司', street: 'lujiang', bank: 'xib', officer: 'lujiang-officer' };
const B = { name: '厦门莲前乙名称有限公司', street: 'lianqian', bank: 'ccb', officer: 'lianqian-officer' };
const cases: Record<string, string> = {};

beforeAll(async () => {
  for (const side of [A, B]) {
    const res = await request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', await bearer(side.officer))
      .send({ firmName: side.name, creditCode: CODE, street: side.street, bank: side.bank, amount: '300000.00', purpose: '流动资金' })
      .expect(201);
    cases[side.street] = res.body.id;
  }
});

/** Every route that shows firm data, as `who` reads it. */
async function everythingSeenBy(who: string, own: typeof A): Promise<string> {
  const auth = await bearer(who);
  const get = (path: string) => request(stack.app).get(path).set('authorization', auth);
  const today = shanghaiDate(new Date());
  const bodies = await Promise.all([
    get(`/api/v1/cases/${cases[own.street]}`).expect(200),
    get(`/api/v1/cases/${cases[own.street]}/timeline`).expect(200),
    get('/api/v1/cases?limit=100').expect(200),
    get('/api/v1/tasks?limit=200').expect(200),
    get(`/api/v1/firms/${CODE}`).expect(200),
    get(`/api/v1/firms?q=${CODE}`).expect(200),
    get(`/api/v1/firms?q=${encodeURIComponent('名称有限公司')}`).expect(200),
    get(`/api/v1/sla/breaches?from=${today}&to=${today}`).expect(200),
    get(`/api/v1/sla/summary?from=${today}&to=${today}&groupBy=street&format=csv`).expect(200),
  ]);
  return bodies.map((r) => r.text).join('\n');
}

describe.each([
  ['鹭江’s case officer', A.officer, A, B],
  ['莲前’s case officer', B.officer, B, A],
  ['鹭江’s bank (xib)', 'xib-manager', A, B],
  ['莲前’s bank (ccb)', 'ccb-manager', B, A],
])('%s', (_who, who, own, other) => {
  it('sees the firm as its own case names it, and nothing of the other street’s', async () => {
    const firm = (await request(stack.app).get(`/api/v1/firms/${CODE}`).set('authorization', await bearer(who)).expect(200)).body;
    expect(firm).toEqual({ creditCode: CODE, name: own.name, street: own.street, cases: [expect.objectContaining({ id: cases[own.street], bank: own.bank })] });
    const view = (await request(stack.app).get(`/api/v1/cases/${cases[own.street]}`).set('authorization', await bearer(who)).expect(200)).body;
    expect(view.firm).toEqual({ name: own.name, creditCode: CODE });

    const seen = await everythingSeenBy(who, own);
    expect(seen).toContain(own.name);
    expect(seen).not.toContain(other.name);
    expect(seen).not.toContain(cases[other.street]);
  });

  it('cannot find the firm by the other street’s name', async () => {
    const found = (await request(stack.app).get(`/api/v1/firms?q=${encodeURIComponent(other.name)}`).set('authorization', await bearer(who)).expect(200)).body;
    expect(found.items).toEqual([]);
  });
});

it('the district sees both cases, each under its own name', async () => {
  const firm = (await request(stack.app).get(`/api/v1/firms/${CODE}`).set('authorization', await bearer('task-force')).expect(200)).body;
  expect(firm.cases.map((c: { id: string }) => c.id).sort()).toEqual([cases.lujiang, cases.lianqian].sort());
  for (const side of [A, B]) {
    const view = (await request(stack.app).get(`/api/v1/cases/${cases[side.street]}`).set('authorization', await bearer('task-force')).expect(200)).body;
    expect(view.firm.name).toBe(side.name);
  }
});
