// The survey network kept through the API, and the visit list and visits it scopes: the task
// force's survey group builds a community with its team and building, a bank is stationed at a
// street and sees its list, a team member records what they found, and retiring an entry breaks
// no visit that names it.
import request from 'supertest';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
// Codes of this run: the database is shared with other files and with earlier runs.
const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-4);
const community = `binhai-${run}`;
const team = `${community}-t1`;
const building = `${community}-b1`;

const as = async (who: string) => ({ authorization: await bearer(who) });
const put = async (who: string, path: string, body: object) => request(stack.app).put(`/api/v1${path}`).set(await as(who)).send(body);
const post = async (who: string, path: string, body: object, key?: string) => {
  const req = request(stack.app).post(`/api/v1${path}`).set(await as(who));
  return (key ? req.set('idempotency-key', key) : req).send(body);
};
const get = async (who: string, path: string) => request(stack.app).get(`/api/v1${path}`).set(await as(who));

const members = [
  { seat: 'STREET', name: '林建国', staffId: `street-${run}` },
  { seat: 'BANK', name: '郭丽娟', bank: 'cib' },
  { seat: 'PROPERTY', name: '蔡文龙', organisation: '厦门滨海物业服务有限公司' },
];

describe('the survey group keeps the network', () => {
  it('creates a community, its three-person team and a building on the team’s list, and reads them back', async () => {
    expect((await put('survey-group', `/survey-network/communities/${community}`, { street: 'binhai', nameZh: '滨海测试社区', nameEn: 'Binhai test community' })).status).toBe(201);
    const t = await put('survey-group', `/survey-network/teams/${team}`, { community, nameZh: '滨海测试社区走访一组', nameEn: 'Binhai test team 1', members });
    expect(t.status).toBe(201);
    expect(t.body.members.map((m: { seat: string }) => m.seat)).toEqual(['STREET', 'BANK', 'PROPERTY']);
    const b = await put('operator', `/survey-network/buildings/${building}`, { community, nameZh: '滨海测试大厦', nameEn: 'Binhai test tower', address: '思明区演武路1号', team });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ street: 'binhai', team, retiredAt: null });

    const network = await get('manager', '/survey-network?street=binhai');
    const mine = network.body.communities.find((c: { code: string }) => c.code === community);
    expect(mine).toMatchObject({ nameZh: '滨海测试社区', teams: [{ code: team }], buildings: [{ code: building, team }] });
    // A PUT again changes the entry (200) and its name, and is audited.
    expect((await put('task-force', `/survey-network/communities/${community}`, { street: 'binhai', nameZh: '滨海演武社区', nameEn: 'Binhai Yanwu community' })).status).toBe(200);
    const audit = await stack.db.auditEntry.findMany({ where: { subject: `community:${community}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['survey-group', 'SURVEY_NETWORK_CREATED'],
      ['task-force', 'SURVEY_NETWORK_CHANGED'],
    ]);
  });

  it('refuses a team without one member of each seat, an unknown street, and moves that would break what names an entry', async () => {
    const twoStreets = await put('survey-group', `/survey-network/teams/${team}-x`, { community, nameZh: '缺物业', nameEn: 'No property', members: [members[0], members[1], { ...members[0], name: '另一人' }] });
    expect(twoStreets.status).toBe(422);
    expect(twoStreets.body.errors).toEqual([{ field: 'members', message: 'a visiting team has one member of each seat: STREET, BANK and PROPERTY' }]);
    const unknownStreet = await put('survey-group', `/survey-network/communities/${community}-x`, { street: 'nowhere', nameZh: '无', nameEn: 'None' });
    expect([unknownStreet.status, unknownStreet.body.errors]).toEqual([422, [{ field: 'street', message: "unknown street 'nowhere'; see GET /api/v1/streets" }]]);
    const nul = await put('survey-group', `/survey-network/communities/${community}-x`, { street: 'binhai', nameZh: '滨海\u0000社区', nameEn: 'Nul' });
    expect([nul.status, nul.body.errors]).toEqual([422, [{ field: 'nameZh', message: 'must not contain NUL characters' }]]);
    const moved = await put('survey-group', `/survey-network/communities/${community}`, { street: 'kaiyuan', nameZh: '滨海演武社区', nameEn: 'Binhai Yanwu community' });
    expect([moved.status, moved.body.type]).toEqual([409, 'urn:greenlane:problem:network-conflict']);
    // Read by the survey group: Chinese first, then English.
    expect(moved.body.detail).toBe(`社区 ${community} 属于 binhai，社区不能改属其他街道（请另建一个）。 community ${community} is in binhai; a community never moves street (create another)`);
    const teamWithBuilding = await put('survey-group', `/survey-network/teams/${team}`, { community, nameZh: '滨海测试社区走访一组', nameEn: 'Binhai test team 1', members, retired: true });
    expect(teamWithBuilding.status).toBe(409);
    expect(teamWithBuilding.body.detail).toMatch(/^走访小组 \S+ 的清单上仍有楼宇，请先把它们交给其他小组。 team \S+ still has buildings on its list/);
    // Nothing of it was written.
    expect(await stack.db.visitTeam.findUniqueOrThrow({ where: { code: team } })).toMatchObject({ retiredAt: null });
    expect(await stack.db.community.count({ where: { code: `${community}-x` } })).toBe(0);
  });

  it('lets only the network’s keepers change it', async () => {
    for (const who of ['lujiang-officer', 'xib-manager', 'manager', 'lujiang-visitor', 'lujiang-community']) {
      expect((await put(who, `/survey-network/communities/${community}`, { street: 'binhai', nameZh: '篡改', nameEn: 'Tampered' })).status).toBe(403);
    }
    expect((await stack.db.community.findUniqueOrThrow({ where: { code: community } })).nameZh).toBe('滨海演武社区');
  });
});

describe('banks see the visit lists of the streets they are stationed at', () => {
  // A bank of this run, so the demo's stations (loaded by other files) do not reach its list.
  const bank = `bank-${run}`;
  const branch = `${bank}-binhai`;
  const body = { nameZh: '测试银行滨海支行', nameEn: 'Test bank Binhai sub-branch' };
  const manager = { sub: `${bank}-manager`, name: '测试客户经理', role: 'customer_manager' as const, bank };
  const listOf = async (p: typeof manager) =>
    (await request(stack.app).get('/api/v1/visit-list?street=binhai').set('authorization', await bearerAs(p))).body.items.map((i: { building: { code: string } }) => i.building.code);

  it('stations a branch at a street, then takes it away', async () => {
    expect((await put('operator', `/banks/${bank}`, { nameZh: '测试银行', nameEn: 'Test bank' })).status).toBe(201);
    expect(await listOf(manager)).toEqual([]);

    const created = await put('operator', `/banks/${bank}/branches/${branch}`, { ...body, stations: ['binhai'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ bankCode: bank, stations: ['binhai'], retiredAt: null });
    expect(await listOf(manager)).toContain(building);
    // Another bank's staff are not stationed there by it.
    expect(await listOf({ ...manager, sub: 'other-manager', bank: `${bank}x` })).toEqual([]);

    expect((await put('operator', `/banks/${bank}/branches/${branch}`, { ...body, stations: [] })).body.stations).toEqual([]);
    expect(await listOf(manager)).toEqual([]);
    // The bank's list says where its branch sits, for the record.
    const banks = await get('manager', '/banks');
    expect(banks.body.items.find((b: { code: string }) => b.code === bank)).toMatchObject({ retiredAt: null, branches: [{ code: branch, streetCode: 'binhai', stations: [] }] });
  });

  it('keeps a branch with its bank, retires a bank only once its branches are, and answers 404 for an unknown bank', async () => {
    expect((await put('operator', `/banks/xib/branches/${branch}`, { ...body, stations: [] })).status).toBe(409);
    expect((await put('operator', `/banks/nobank/branches/${branch}`, { ...body, stations: [] })).status).toBe(404);
    expect((await put('operator', `/banks/${bank}`, { nameZh: '测试银行', nameEn: 'Test bank', retired: true })).status).toBe(409);
    expect((await put('operator', `/banks/${bank}/branches/${branch}`, { ...body, stations: ['binhai'], retired: true })).body).toMatchObject({ stations: [], retiredAt: expect.any(String) });
    expect((await put('operator', `/banks/${bank}`, { nameZh: '测试银行', nameEn: 'Test bank', retired: true })).body.retiredAt).not.toBeNull();
    // A retired bank takes no new case; the cases that name it keep it (rows are never deleted).
    const opened = await post('lujiang-officer', '/cases', { firmName: '厦门鹭江退役银行测试有限公司', creditCode: validSimingCode(`MA8X${digits}`), street: 'lujiang', bank, amount: '100000', purpose: '流动资金' });
    expect([opened.status, opened.body.errors]).toEqual([422, [{ field: 'bank', message: `bank '${bank}' is retired; see GET /api/v1/banks` }]]);
  });
});

describe('a visiting team records what it found', () => {
  const creditCode = validSimingCode(`MA8W${digits}`);
  let firmId: string;

  it('adds a firm found in its building and records a need; its community and street see it, others do not', async () => {
    const added = await post('lujiang-visitor', '/survey-network/buildings/lujiang-01-b1/firms', { name: '厦门鹭江走访测试有限公司', creditCode, unit: '12F-1203' });
    expect(added.status).toBe(201);
    firmId = added.body.id;
    // Found again: the same firm.
    const again = await post('lujiang-community', '/survey-network/buildings/lujiang-01-b1/firms', { name: '厦门鹭江走访测试有限公司', creditCode });
    expect([again.status, again.body.id]).toEqual([200, firmId]);

    const need = { amount: '5140000', purpose: '新订单备料', urgency: 'IMMEDIATE', collateral: '厂房抵押', patents: 0 };
    const visit = await post('lujiang-visitor', '/visits', { firmId, outcome: 'NEED_FOUND', need }, `visit-${run}`);
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({
      firm: { id: firmId, creditCode },
      team: 'lujiang-01-t1',
      building: 'lujiang-01-b1',
      community: 'lujiang-01',
      street: 'lujiang',
      visitedBy: 'lujiang-visitor',
      outcome: 'NEED_FOUND',
      need: { amount: '5140000.00', amountFen: 514_000_000, urgency: 'IMMEDIATE', collateral: '厂房抵押', patents: 0, refusedBy: null },
    });
    // The same key and body: the same visit; another body under it: refused.
    const repeat = await post('lujiang-visitor', '/visits', { firmId, outcome: 'NEED_FOUND', need }, `visit-${run}`);
    expect([repeat.status, repeat.body.id]).toEqual([200, visit.body.id]);
    const reused = await post('lujiang-visitor', '/visits', { firmId, outcome: 'NO_NEED' }, `visit-${run}`);
    expect([reused.status, reused.body.type]).toEqual([422, 'urn:greenlane:problem:idempotency-key-reused']);
    expect(await stack.db.visit.count({ where: { firmId } })).toBe(1);

    for (const who of ['lujiang-visitor', 'lujiang-community', 'lujiang-officer', 'xib-manager', 'survey-group', 'task-force']) {
      const list = await get(who, '/visits?street=lujiang&limit=100');
      expect([who, list.body.items.some((v: { id: string }) => v.id === visit.body.id)]).toEqual([who, true]);
    }
    // Another street's officer, a bank stationed nowhere, the assessor.
    const unstationed = { sub: `unstationed-${run}`, name: '未驻点客户经理', role: 'customer_manager' as const, bank: `nobank-${run}` };
    for (const auth of [await bearer('lianqian-officer'), await bearerAs(unstationed), await bearer('assessor')]) {
      const list = await request(stack.app).get('/api/v1/visits?limit=100').set('authorization', auth);
      expect(list.status === 200 && list.body.items.some((v: { id: string }) => v.id === visit.body.id)).toBe(false);
    }
    const list = await get('lujiang-visitor', '/visit-list');
    expect(list.body.items.map((i: { building: { code: string } }) => i.building.code)).toEqual(['lujiang-01-b1']);
    expect(list.body.items[0].firms.find((f: { id: string }) => f.id === firmId)).toMatchObject({ unit: '12F-1203', lastVisit: { id: visit.body.id, outcome: 'NEED_FOUND' } });
  });

  it('refuses a need without its fields, a NO_NEED with one, and a firm off the team’s list', async () => {
    const noNeed = await post('lujiang-visitor', '/visits', { firmId, outcome: 'NEED_FOUND' });
    expect([noNeed.status, noNeed.body.errors]).toEqual([422, [{ field: 'need', message: 'NEED_FOUND carries the need; NO_NEED carries none' }]]);
    const badUrgency = await post('lujiang-visitor', '/visits', { firmId, outcome: 'NEED_FOUND', need: { amount: '-1', purpose: '', urgency: 'SOON', patents: 1.5 } });
    expect(badUrgency.status).toBe(422);
    expect(badUrgency.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['need.amount', 'need.patents', 'need.purpose', 'need.urgency']);
    // The survey group's firm in the test building is not on the 鹭江 visitor's team's list.
    const other = await post('survey-group', `/survey-network/buildings/${building}/firms`, { name: '厦门滨海测试有限公司', creditCode });
    expect(other.status).toBe(201);
    const offList = await post('lujiang-visitor', '/visits', { firmId: other.body.id, outcome: 'NO_NEED' });
    expect([offList.status, offList.body.type]).toEqual([404, 'urn:greenlane:problem:not-found']);
    expect((await post('lujiang-visitor', `/survey-network/buildings/${building}/firms`, { name: '越权', creditCode })).status).toBe(404);
    expect((await post('lujiang-community', `/survey-network/buildings/${building}/firms`, { name: '越权', creditCode })).status).toBe(404);
  });

  it('retires a building: off every list, its visits still read with where they happened', async () => {
    // A building of the test community takes the place of 鹭江's for the retirement, so other files keep theirs.
    const firm = await post('survey-group', `/survey-network/buildings/${building}/firms`, { name: '厦门滨海退役测试有限公司', creditCode: validSimingCode(`MA8T${digits}`) });
    const teamMember = { sub: `street-${run}`, name: '林建国', role: 'visit_team_member' as const, street: 'binhai', community, team };
    const walked = await request(stack.app).post('/api/v1/visits').set('authorization', await bearerAs(teamMember)).send({ firmId: firm.body.id, outcome: 'NO_NEED', note: '经营稳定' });
    expect(walked.status).toBe(201);

    const retired = await put('survey-group', `/survey-network/buildings/${building}`, { community, nameZh: '滨海测试大厦', nameEn: 'Binhai test tower', address: '思明区演武路1号', team, retired: true });
    expect(retired.body).toMatchObject({ team: null, retiredAt: expect.any(String) });
    expect((await request(stack.app).get('/api/v1/visit-list').set('authorization', await bearerAs(teamMember))).body.items).toEqual([]);
    const visits = await request(stack.app).get('/api/v1/visits').set('authorization', await bearerAs(teamMember));
    expect(visits.body.items).toEqual([expect.objectContaining({ id: walked.body.id, building, community, street: 'binhai', team, note: '经营稳定' })]);
    const again = await request(stack.app).post('/api/v1/visits').set('authorization', await bearerAs(teamMember)).send({ firmId: firm.body.id, outcome: 'NO_NEED' });
    expect(again.status).toBe(404);
    // Now the team has no building left, it can retire too, and the network still lists both, marked.
    expect((await put('survey-group', `/survey-network/teams/${team}`, { community, nameZh: '滨海测试社区走访一组', nameEn: 'Binhai test team 1', members, retired: true })).status).toBe(200);
    const network = await get('survey-group', '/survey-network?street=binhai');
    const mine = network.body.communities.find((c: { code: string }) => c.code === community);
    expect(mine.teams[0].retiredAt).not.toBeNull();
    expect(mine.buildings[0].retiredAt).not.toBeNull();
  });
});
