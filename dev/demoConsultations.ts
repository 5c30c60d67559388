// Demo data for the joint consultation: a small batch of firms 厦门国际银行 refused, moved along
// through the HTTP API as the task force and the banks would. Idempotent like dev/demo.ts:
// the batch's Idempotency-Key fixes its id, every action carries a fixed key, and an action on
// a consultation that has moved on (or closed) is a 409 that changes nothing.
import type { DemoApi, DemoResponse, DemoStep } from './demo';

const BATCH_KEY = 'demo-consultation-batch-xib';

const FIRMS = [
  { name: '厦门鹭江五金制品有限公司', creditCode: '91350203MA2LJ7W73J', street: 'lujiang', amount: '3000000.00', purpose: '扩大产能', reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }] },
  { name: '厦门鹭江文化传媒有限公司', creditCode: '91350203MA2LJ8N875', street: 'lujiang', amount: '1500000.00', purpose: '项目垫资', reasons: [{ code: 'REVENUE_BELOW_THRESHOLD' }] },
  { name: '厦门莲前机电设备有限公司', creditCode: '91350203MA2LQ9K97T', street: 'lianqian', amount: '2000000.00', purpose: '设备采购', reasons: [{ code: 'HIGH_DEBT_RATIO' }] },
  { name: '厦门莲前餐饮管理有限公司', creditCode: '91350203MA2LQAB09H', street: 'lianqian', amount: '800000.00', purpose: '门店装修', reasons: [{ code: 'LOW_CREDIT_RATING' }] },
] as const;

/** What each firm's consultation goes through, in order: [who, path, body]. */
const ACTIONS: readonly (readonly (readonly [string, string, object])[])[] = [
  // A smaller amount proposed by the refusing bank: waiting for the task force.
  [['xib-manager', '/plan', { kind: 'SMALLER_AMOUNT', bank: 'xib', amount: '2000000.00', note: '按抵押物评估值核定' }]],
  // Another bank, and the firm still owes documents: the clock stands still.
  [
    ['task-force', '/plan', { kind: 'DIFFERENT_BANK', bank: 'ccb', amount: '1500000.00', note: '建行文创专项' }],
    ['task-force', '/materials/request', { missing: ['近三年纳税证明', '在手合同'], reason: '建行需核实收入' }],
  ],
  // A guarantee; materials complete; the bank accepts and a fast-track case opens.
  [
    ['task-force', '/plan', { kind: 'GUARANTEE', bank: 'xib', amount: '2000000.00', guarantee: { guarantor: '厦门市融资担保有限公司', cover: '1600000.00' } }],
    ['task-force', '/materials/complete', { note: '担保函已出具' }],
    ['xib-approver', '/re-review', { outcome: 'ACCEPTED', note: '担保落实后同意' }],
  ],
  // Only the reasons so far.
  [],
];

async function expectOk(what: string, r: DemoResponse): Promise<DemoResponse> {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.body.detail ?? JSON.stringify(r.body)}`);
  return r;
}

/** Waits until the batch has opened a consultation (its workflow writes the record). */
async function opened(api: DemoApi, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await api('task-force', 'GET', `/consultations/${id}`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`consultation ${id} did not open`);
}

/** Seeds the batch and answers its id; `batchKey` names the batch (tests give their own, so files sharing a server do not meet). */
export async function seedConsultationDemo(api: DemoApi, log: (line: string) => void = console.log, batchKey = BATCH_KEY): Promise<string> {
  const batch = await expectOk('consultation batch', await api('task-force', 'POST', '/consultation-batches', { bank: 'xib', firms: FIRMS }, batchKey));
  const batchId = batch.body.id!;
  // The batch names its members (a batch started by an older version named them otherwise).
  const progress = await expectOk('consultation batch progress', await api('task-force', 'GET', `/consultation-batches/${batchId}`));
  const members = progress.body.members as { consultationId: string; creditCode: string }[];
  for (const [i, firm] of FIRMS.entries()) {
    const id = members.find((m) => m.creditCode === firm.creditCode)!.consultationId;
    await opened(api, id);
    for (const [who, path, body] of ACTIONS[i]) {
      const r = await api(who, 'POST', `/consultations/${id}${path}`, body, `demo-${id}${path.replaceAll('/', '-')}`);
      if (r.status === 409) log(`  演示数据 demo: ${id}${path} kept as it is (${r.body.detail})`);
      else await expectOk(`${id}${path}`, r);
    }
  }
  return batchId;
}

export const consultationDemoStep: DemoStep = {
  name: '银行联合会诊批次 · 厦门国际银行拒贷 4 家 (joint consultation batch)',
  run: async (api, log) => {
    await seedConsultationDemo(api, log);
  },
};
