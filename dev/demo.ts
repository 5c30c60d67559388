// Demo data for `npm start`: a handful of realistic cases, opened and moved along through the
// HTTP API exactly as the people would, so Temporal UI shows every process with something in
// it. Idempotent: every request carries a fixed Idempotency-Key, so a second start finds the
// same cases (a repeated opening answers the case it opened; a repeated action is the same
// update, or a 409 because it was done), and adds nothing.
import { mintDevToken } from '../api/auth/verifier';
import type { Config } from '../infra/config';
import { consultationDemoStep } from './demoConsultations';
import { DEV_USERS } from '../infra/devUsers';
import { matchingEventDemoStep, screeningDemoStep, surveyNetworkDemoStep } from './demoSurveyNetwork';

export interface DemoResponse {
  status: number;
  body: { id?: string; stage?: string; detail?: string } & Record<string, unknown>;
}

/** One API call as a development user (`as` is its id in infra/devUsers.ts). */
export type DemoApi = (as: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: object, idempotencyKey?: string) => Promise<DemoResponse>;

/** A small, self-contained piece of demo data; later processes add their own steps. */
export interface DemoStep {
  name: string;
  run(api: DemoApi, log: (line: string) => void): Promise<void>;
}

/** The API at `baseUrl`, with development tokens minted from `config`. */
export function httpDemoApi(baseUrl: string, config: Config): DemoApi {
  return async (as, method, path, body, idempotencyKey) => {
    const user = DEV_USERS.find((u) => u.sub === as);
    if (!user) throw new Error(`no development user ${as}`);
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await mintDevToken(config, user, '10m')}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as DemoResponse['body'] };
  };
}

/**
 * `GREENLANE_DEMO=1` seeds, `=0` does not; unset, the demo is seeded only on the embedded
 * defaults (no DATABASE_URL), so a start against a real database never gets demo cases.
 */
export function demoEnabled(env: NodeJS.ProcessEnv, config: Config): boolean {
  const v = env.GREENLANE_DEMO;
  if (v === '1') return true;
  if (v === '0') return false;
  if (v !== undefined && v !== '') throw new Error(`GREENLANE_DEMO must be 0 or 1, not ${JSON.stringify(v)}`);
  return config.databaseUrl === undefined && config.env !== 'production';
}

/** Runs every step in order; a step's failure stops the demo (the system itself keeps running). */
export async function seedDemo(api: DemoApi, log: (line: string) => void = console.log, steps: readonly DemoStep[] = DEMO_STEPS): Promise<void> {
  for (const step of steps) {
    await step.run(api, log);
    log(`  演示数据 demo: ${step.name}`);
  }
}

// ---- Building blocks ------------------------------------------------------------------------

async function expectOk(what: string, res: Promise<DemoResponse>): Promise<DemoResponse> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.body.detail ?? JSON.stringify(r.body)}`);
  return r;
}

/** Opens (or, repeated, finds) a case; the key is per officer, so it is fixed per demo case. */
async function openCase(api: DemoApi, officer: string, key: string, body: object): Promise<string> {
  const r = await expectOk(`open ${key}`, api(officer, 'POST', '/cases', body, `demo-${key}`));
  return r.body.id!;
}

/** An action on a case; a 409 means it was done on an earlier start (or the case moved on). */
async function act(api: DemoApi, log: (line: string) => void, who: string, caseNo: string, path: string, body: object, key: string): Promise<void> {
  const r = await api(who, 'POST', `/cases/${caseNo}${path}`, body, `demo-${key}`);
  if (r.status === 409) return log(`  演示数据 demo: ${caseNo}${path} kept as it is (${r.body.detail})`);
  await expectOk(`${caseNo}${path}`, Promise.resolve(r));
}

const grid = (no: string) => ['lujiang-grid', '/tasks/grid-submission/complete', { applicationNo: `XYD${no}` }] as const;
const vip = (who: string) => [who, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '订单与回款核实 orders and receipts checked' }] as const;
const dueDiligence = (reportNo: string) =>
  ['assessor', '/tasks/due-diligence/complete', { reportNo, riskRating: 'LOW', summary: '经营正常，订单真实 business normal, orders genuine' }] as const;

/** A fast-track case opened, then moved along by each party in turn; `key` names it in Idempotency-Keys. */
function fastTrackCase(key: string, name: string, officer: string, body: object, actions: readonly (readonly [string, string, object])[]): DemoStep {
  return {
    name,
    async run(api, log) {
      const caseNo = await openCase(api, officer, key, body);
      for (const [who, path, actionBody] of actions) await act(api, log, who, caseNo, path, actionBody, `${key}${path.replaceAll('/', '-')}`);
    },
  };
}

/** DOMAIN.md's 莲前 biotech firm: 1.2 million CNY of sci-tech credit against its patents, scored 100, approved automatically. */
export const LIANQIAN_BIOTECH_APPLICATION = {
  patents: [
    { patentNo: 'ZL202010000001.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202010000002.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202010000003.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202120000001.2', type: 'UTILITY_MODEL', remainingYears: 6 },
    { patentNo: 'ZL202120000002.2', type: 'UTILITY_MODEL', remainingYears: 6 },
  ],
  rdSpend: '2400000.00',
  revenue: ['6000000.00', '8500000.00', '12000000.00'],
  yearsInOperation: 6,
  existingDebt: '1000000.00',
} as const;

/** Scores 64, inside the pass mark's ±5: the bank's approver decides. */
export const BORDERLINE_SOFTWARE_APPLICATION = {
  patents: [
    { patentNo: 'ZL202110000011.1', type: 'INVENTION', remainingYears: 10 },
    { patentNo: 'ZL202120000012.2', type: 'UTILITY_MODEL', remainingYears: 10 },
    { patentNo: 'ZL202120000013.2', type: 'UTILITY_MODEL', remainingYears: 10 },
  ],
  rdSpend: '600000.00',
  revenue: ['9000000.00', '9500000.00', '10000000.00'],
  yearsInOperation: 4,
  existingDebt: '2000000.00',
} as const;

function sciTechCase(key: string, name: string, officer: string, body: object): DemoStep {
  return { name, run: async (api) => void (await openCase(api, officer, key, { product: 'SCI_TECH', ...body })) };
}

// ---- The demo -------------------------------------------------------------------------------

export const DEMO_STEPS: DemoStep[] = [
  // The survey network at the source's scale (dev/demoSurveyNetwork.ts).
  surveyNetworkDemoStep,
  screeningDemoStep,
  matchingEventDemoStep,
  // The source's example: 鹭江's decoration company, 5.14 million CNY at 厦门国际银行; the grid
  // officer has submitted it on 信易贷, the bank and the assessor are at work.
  fastTrackCase(
    'lujiang-decoration',
    '鹭江装饰工程 · 快速通道 514万 · 厦门国际银行 (parallel review)',
    'lujiang-officer',
    { firmName: '厦门鹭江装饰工程有限公司', creditCode: '91350203MA2LJ1D178', street: 'lujiang', bank: 'xib', amount: '5140000.00', purpose: '新订单备料' },
    [grid('20261127000101')],
  ),
  // Every branch done: waiting for 建设银行's approver.
  fastTrackCase(
    'lujiang-cold-chain',
    '鹭江冷链物流 · 快速通道 80万 · 建设银行 (credit decision)',
    'lujiang-officer',
    { firmName: '厦门鹭江冷链物流有限公司', creditCode: '91350203MA2LJ2L29E', street: 'lujiang', bank: 'ccb', amount: '800000.00', purpose: '购置冷藏车' },
    [grid('20261127000102'), vip('ccb-manager'), dueDiligence('DD-2026-0102')],
  ),
  // All the way: approved for less than asked, contract signed, paid.
  fastTrackCase(
    'lujiang-food',
    '鹭江食品贸易 · 快速通道 200万 → 180万 · 厦门国际银行 (disbursed)',
    'lujiang-officer',
    { firmName: '厦门鹭江食品贸易有限公司', creditCode: '91350203MA2LJ3P35B', street: 'lujiang', bank: 'xib', amount: '2000000.00', purpose: '节前备货' },
    [
      grid('20261127000103'),
      vip('xib-manager'),
      dueDiligence('DD-2026-0103'),
      ['xib-approver', '/decision', { outcome: 'APPROVED', amount: '1800000.00', rateBp: 385, termMonths: 12 }],
    ],
  ),
  // Another street: the bank has recommended it; 莲前 has no grid officer on file yet.
  fastTrackCase(
    'lianqian-tea',
    '莲前茶业贸易 · 快速通道 60万 · 建设银行 (parallel review)',
    'lianqian-officer',
    { firmName: '厦门莲前茶业贸易有限公司', creditCode: '91350203MA2LQ4Y41D', street: 'lianqian', bank: 'ccb', amount: '600000.00', purpose: '春茶收购' },
    [vip('ccb-manager')],
  ),
  sciTechCase('lianqian-biotech', '莲前生物科技 · 善科贷 120万 · 建设银行 (approved automatically)', 'lianqian-officer', {
    firmName: '厦门莲前生物科技有限公司',
    creditCode: '91350203MA8LQ5W50C',
    street: 'lianqian',
    bank: 'ccb',
    amount: '1200000.00',
    purpose: '研发与临床试验',
    application: LIANQIAN_BIOTECH_APPLICATION,
  }),
  sciTechCase('lujiang-software', '鹭江信息技术 · 善科贷 50万 · 厦门国际银行 (manual review)', 'lujiang-officer', {
    firmName: '厦门鹭江信息技术有限公司',
    creditCode: '91350203MA2LJ6X69J',
    street: 'lujiang',
    bank: 'xib',
    amount: '500000.00',
    purpose: '软件研发人员薪酬',
    application: BORDERLINE_SOFTWARE_APPLICATION,
  }),
  // The joint consultation: a batch of firms 厦门国际银行 refused (dev/demoConsultations.ts).
  consultationDemoStep,
];
