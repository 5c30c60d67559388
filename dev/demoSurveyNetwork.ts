// The survey network at the source's scale, for `npm start`: 19 banks with 90+ branches stationed
// at the streets, 98 communities, 182 three-person visiting teams and 180 commercial buildings,
// generated deterministically (the same network on every start) and loaded through the API as the
// task force's survey group would (PUTs, so a second start changes nothing). The seed's 鹭江 first
// community, team and building are part of it, as they are.
import { BANKS, STREETS } from '../domain/siming';
import { SURVEY_SEED, buildingOf, communityOf, teamOf, type BuildingRef, type CommunityRef, type TeamRef } from '../domain/surveyNetwork';
import type { DemoApi, DemoStep } from './demo';

export interface DemoBank {
  code: string;
  nameZh: string;
  nameEn: string;
  branches: { code: string; nameZh: string; nameEn: string; stations: string[] }[];
}

/** Communities per street, in STREETS order: 98 in all. */
export const COMMUNITIES_PER_STREET = [12, 11, 10, 10, 10, 10, 10, 10, 9, 6];
/** The first communities (in district order) walk with two teams, the rest with one: 182 teams. */
const TWO_TEAM_COMMUNITIES = 84;
/** The buildings: one on each team's list but the last two teams', newly formed: 180. */
const BUILDINGS = 180;

// The 16 banks beside the seed's three (19 banking institutions, as the source counts them).
const OTHER_BANKS: readonly (readonly [string, string, string])[] = [
  ['icbc', '中国工商银行', 'Industrial and Commercial Bank of China'],
  ['abc', '中国农业银行', 'Agricultural Bank of China'],
  ['boc', '中国银行', 'Bank of China'],
  ['bocom', '交通银行', 'Bank of Communications'],
  ['psbc', '中国邮政储蓄银行', 'Postal Savings Bank of China'],
  ['cmb', '招商银行', 'China Merchants Bank'],
  ['citic', '中信银行', 'China CITIC Bank'],
  ['ceb', '中国光大银行', 'China Everbright Bank'],
  ['hxb', '华夏银行', 'Hua Xia Bank'],
  ['cmbc', '中国民生银行', 'China Minsheng Bank'],
  ['pab', '平安银行', 'Ping An Bank'],
  ['spdb', '上海浦东发展银行', 'Shanghai Pudong Development Bank'],
  ['cgb', '广发银行', 'China Guangfa Bank'],
  ['xmbank', '厦门银行', 'Bank of Xiamen'],
  ['xmrcb', '厦门农村商业银行', 'Xiamen Rural Commercial Bank'],
  ['fjhxb', '福建海峡银行', 'Fujian Haixia Bank'],
];

const SURNAMES = '陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖徐周叶苏庄';
const GIVEN = ['建国', '丽娟', '志明', '海燕', '文龙', '雅琴', '国平', '秀英', '晓东', '美玲', '振华', '淑芬'];
/** A person's name, the same for the same number. */
const personName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;

/** Every bank with its branches: each new bank has five, the seed's banks two more; branches stationed at one or two streets. */
export function demoBanks(): DemoBank[] {
  const streetAt = (i: number) => STREETS[i % STREETS.length]!;
  let n = 0;
  const branch = (bankCode: string, bankZh: string, bankEn: string, k: number) => {
    const home = streetAt(n++);
    const second = streetAt(n * 3 + 1);
    return {
      code: `${bankCode}-${home.code}-${k}`,
      nameZh: `${bankZh}${home.nameZh.replace(/街道$/, '')}支行`,
      nameEn: `${bankEn} ${home.nameEn.replace(/ Street$/, '')} sub-branch`,
      stations: second.code === home.code || k % 2 === 0 ? [home.code] : [home.code, second.code],
    };
  };
  const seeded = BANKS.map((b) => ({
    code: b.code,
    nameZh: b.nameZh,
    nameEn: b.nameEn,
    branches: [
      ...b.branches.map((br) => ({ code: br.code, nameZh: br.nameZh, nameEn: br.nameEn, stations: [br.streetCode] })),
      ...[3, 4].map((k) => branch(b.code, b.nameZh, b.nameEn, k)),
    ],
  }));
  const others = OTHER_BANKS.map(([code, nameZh, nameEn]) => ({ code, nameZh, nameEn, branches: [1, 2, 3, 4, 5].map((k) => branch(code, nameZh, nameEn, k)) }));
  return [...seeded, ...others];
}

/** The communities, teams and buildings of the whole district; the seed's entries among them unchanged. */
export function demoSurveyNetwork(): { communities: CommunityRef[]; teams: TeamRef[]; buildings: BuildingRef[] } {
  const banks = demoBanks();
  const communities = STREETS.flatMap((s, i) => Array.from({ length: COMMUNITIES_PER_STREET[i]! }, (_, k) => communityOf(s, k + 1)));
  const teams: TeamRef[] = [];
  const buildings: BuildingRef[] = [];
  communities.forEach((c, ci) => {
    const seeded = SURVEY_SEED.teams.filter((t) => t.communityCode === c.code);
    const count = ci < TWO_TEAM_COMMUNITIES ? 2 : 1;
    for (let k = 1; k <= count; k++) {
      const seen = seeded.find((t) => t.code === `${c.code}-t${k}`);
      const n = teams.length;
      const bank = banks[n % banks.length]!;
      teams.push(
        seen ??
          teamOf(c, k, [
            { seat: 'STREET', name: personName(n * 3) },
            { seat: 'BANK', name: personName(n * 3 + 1), bankCode: bank.code },
            { seat: 'PROPERTY', name: personName(n * 3 + 2), organisation: `${c.nameZh}物业服务中心` },
          ]),
      );
    }
  });
  for (const t of teams.slice(0, BUILDINGS)) {
    const c = communities.find((x) => x.code === t.communityCode)!;
    const k = Number(t.code.slice(t.code.lastIndexOf('-t') + 2));
    const seen = SURVEY_SEED.buildings.find((b) => b.code === `${c.code}-b${k}`);
    buildings.push(seen ?? buildingOf(c, k, t.code, `思明区${c.nameZh}商务区${k}号`));
  }
  return { communities, teams, buildings };
}

/** The banks and their branches as a bank import's CSV (docs/survey-network.md). */
export function demoBankCsv(): string {
  const rows = demoBanks().flatMap((b) => [`${b.code},,${b.nameZh},${b.nameEn},`, ...b.branches.map((br) => `${b.code},${br.code},${br.nameZh},${br.nameEn},${br.stations.join(';')}`)]);
  return ['bank,branch,nameZh,nameEn,stations', ...rows].join('\n');
}

/**
 * Loads the banks (one CSV import) and the network through the API as the survey group. It reads
 * the network first and PUTs only what differs, so a second start sends one read and the import;
 * a PUT the per-token rate limit turns away (a first start sends about 460) is sent again a few
 * seconds later.
 */
export const surveyNetworkDemoStep: DemoStep = {
  name: '摸排网络 survey network: 19 banks, 98 communities, 182 teams, 180 buildings',
  async run(api: DemoApi) {
    const read = async (path: string) => {
      const r = await api('survey-group', 'GET', path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.detail ?? ''}`);
      return r.body;
    };
    const existing = new Map<string, string>();
    const remember = (kind: string, code: string, body: object) => existing.set(`${kind}:${code}`, JSON.stringify(body));
    const network = (await read('/survey-network')).communities as Array<{ code: string; street: string; nameZh: string; nameEn: string; teams: TeamView[]; buildings: BuildingView[] }>;
    for (const c of network) {
      remember('community', c.code, { street: c.street, nameZh: c.nameZh, nameEn: c.nameEn });
      for (const t of c.teams) remember('team', t.code, teamBody(t.community, t.nameZh, t.nameEn, t.members));
      for (const b of c.buildings) remember('building', b.code, { community: b.community, team: b.team, nameZh: b.nameZh, nameEn: b.nameEn, address: b.address });
    }
    const put = async (kind: string, path: string, code: string, body: object) => {
      if (existing.get(`${kind}:${code}`) === JSON.stringify(body)) return;
      for (;;) {
        const r = await api('survey-group', 'PUT', path, body);
        if (r.status === 429) {
          await new Promise((resolve) => setTimeout(resolve, 5_000));
          continue;
        }
        if (r.status >= 300) throw new Error(`PUT ${path}: ${r.status} ${r.body.detail ?? JSON.stringify(r.body)}`);
        return;
      }
    };
    // The banks and branches in one CSV import (idempotent: a second start changes nothing).
    const banks = await api('survey-group', 'POST', '/bank-imports', { csv: demoBankCsv() });
    if (banks.status !== 200) throw new Error(`bank import: ${banks.status} ${banks.body.detail ?? JSON.stringify(banks.body)}`);
    const { communities, teams, buildings } = demoSurveyNetwork();
    for (const c of communities) await put('community', `/survey-network/communities/${c.code}`, c.code, { street: c.streetCode, nameZh: c.nameZh, nameEn: c.nameEn });
    for (const t of teams) await put('team', `/survey-network/teams/${t.code}`, t.code, teamBody(t.communityCode, t.nameZh, t.nameEn, t.members));
    for (const b of buildings) await put('building', `/survey-network/buildings/${b.code}`, b.code, { community: b.communityCode, team: b.teamCode, nameZh: b.nameZh, nameEn: b.nameEn, address: b.address });
  },
};

type TeamView = { code: string; community: string; nameZh: string; nameEn: string; members: Array<{ seat: string; name: string; staffId?: string | null; bank?: string | null; bankCode?: string; organisation?: string | null }> };
type BuildingView = { code: string; community: string; team: string | null; nameZh: string; nameEn: string; address: string };

/** A team as PUT takes it, from a generated team or one the API answered (absent fields left out, seats in order). */
function teamBody(community: string, nameZh: string, nameEn: string, members: TeamView['members']) {
  const order = ['STREET', 'BANK', 'PROPERTY'];
  return {
    community,
    nameZh,
    nameEn,
    members: [...members]
      .sort((a, b) => order.indexOf(a.seat) - order.indexOf(b.seat))
      .map((m) => {
        const bank = m.bank ?? m.bankCode;
        return { seat: m.seat, name: m.name, ...(m.staffId ? { staffId: m.staffId } : {}), ...(bank ? { bank } : {}), ...(m.organisation ? { organisation: m.organisation } : {}) };
      }),
  };
}

/** 鹭江's screening import: four firms from 信易贷 data, three flagged (one in the development team's building). */
export const DEMO_SCREENING_CSV = [
  '统一社会信用代码,企业名称,楼宇,营收同比变化%,欠税欠费元,社保人数同比变化%,90天内到期贷款元,近期被拒贷',
  '91350203MA2LJC014L,厦门鹭江海运代理有限公司,lujiang-01-b1,-12,,,1500000,否',
  '91350203MA2LJC022F,厦门鹭江服装贸易有限公司,,-38,45000,-22,,否',
  '91350203MA2LJC030A,厦门鹭江印刷包装有限公司,,-5,,,,是',
  '91350203MA2LJC0497,厦门鹭江软件服务有限公司,,18,0,6,200000,否',
].join('\n');

/** The screening track (docs/screening.md): the import is idempotent, so every start sends it. */
export const screeningDemoStep: DemoStep = {
  name: '大数据筛查 screening: 鹭江 4 firms imported, 3 flagged on the visit list',
  async run(api: DemoApi) {
    const r = await api('lujiang-officer', 'POST', '/streets/lujiang/screening-imports', { csv: DEMO_SCREENING_CSV, source: '信易贷 2026-11' });
    if (r.status !== 200) throw new Error(`screening import: ${r.status} ${r.body.detail ?? JSON.stringify(r.body)}`);
  },
};

const DEMO_EVENT = { titleZh: '软件园二期银企对接会', titleEn: 'Software Park phase II bank–enterprise matching event', place: '软件园二期', date: '2026-11-20', organiser: 'TASK_FORCE', banks: ['xib', 'ccb', 'cib'] };

/**
 * A matching event (docs/matching-events.md): three firms of 莲前 registered, two meetings, one
 * need that opens a lead. Every request carries a fixed Idempotency-Key, so a later start meets
 * the same event, firms and outcomes and adds nothing.
 */
export const matchingEventDemoStep: DemoStep = {
  name: '银企对接会 matching event: 软件园二期, 3 firms, 1 need, 1 lead',
  async run(api: DemoApi) {
    const ok = async (what: string, r: Promise<{ status: number; body: { detail?: string; id?: string } }>) => {
      const res = await r;
      if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.body.detail ?? JSON.stringify(res.body)}`);
      return res.body;
    };
    const { id } = await ok('schedule', api('task-force', 'POST', '/matching-events', DEMO_EVENT, 'demo-matching-event'));
    const firms = [
      { name: '厦门软件园云链科技有限公司', creditCode: '91350203MA2RJY01X1', street: 'lianqian', came: true },
      { name: '厦门软件园数智信息有限公司', creditCode: '91350203MA2RJY0281', street: 'lianqian', came: true },
      { name: '厦门软件园声学电子有限公司', creditCode: '91350203MA2RJY036U', street: 'lianqian' },
    ];
    for (const f of firms) await ok('register', api('survey-group', 'POST', `/matching-events/${id}/registrations`, f, `demo-matching-firm-${f.creditCode}`));
    const need = { creditCode: firms[0]!.creditCode, bank: 'ccb', kind: 'NEED', need: { amount: '1500000', purpose: '研发投入', urgency: 'WITHIN_MONTH', patents: 6 }, note: '可走善科贷' };
    await ok('need', api('ccb-manager', 'POST', `/matching-events/${id}/outcomes`, need, 'demo-matching-need'));
    await ok('note', api('xib-manager', 'POST', `/matching-events/${id}/outcomes`, { creditCode: firms[1]!.creditCode, bank: 'xib', kind: 'NOTE', note: '暂无需求，三个月后回访' }, 'demo-matching-note'));
  },
};
