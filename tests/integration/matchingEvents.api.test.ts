// A bank–enterprise matching event (银企对接会): the task force schedules it at the software park
// with two banks, firms register with their street and come, each bank records its meetings (a
// need in the visits' own schema opens a real lead, or a note), and the report counts firms,
// needs, the leads they became and the cases and money those became. Repeats under the same Idempotency-Key create nothing new.
import request from 'supertest';
import { leadPaid } from '../support/apiCases';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const run = String(Date.now() % 10_000).padStart(4, '0');
const FIRM_A = validSimingCode(`ME${run}01`);
const FIRM_B = validSimingCode(`ME${run}02`);

const post = async (who: string, path: string, body: object, key?: string) => {
  const req = request(stack.app).post(`/api/v1${path}`).set('authorization', await bearer(who));
  return (key ? req.set('idempotency-key', key) : req).send(body);
};
const get = async (who: string, path: string) => request(stack.app).get(`/api/v1${path}`).set('authorization', await bearer(who));
// Its own title: the demo's event (sciTech.api.test.ts counts it) has the software park's.
const EVENT = { titleZh: `软件园二期银企对接会 ${run}`, titleEn: 'Software Park phase II matching event', place: '软件园二期', date: '2026-12-10', organiser: 'TASK_FORCE', banks: ['xib', 'ccb'] };
const NEED = { amount: '3000000', purpose: '订单备货', urgency: 'WITHIN_MONTH', patents: 4 };

let id: string;

it('schedules an event at a place with the banks attending, and refuses an unknown bank writing nothing', async () => {
  const before = await stack.db.matchingEvent.count();
  const bad = await post('task-force', '/matching-events', { ...EVENT, banks: ['xib', 'nobank'] });
  expect([bad.status, bad.body.errors]).toEqual([422, [{ field: 'banks.1', message: "unknown or retired bank 'nobank'; see GET /api/v1/banks" }]]);
  expect(await stack.db.matchingEvent.count()).toBe(before);

  const res = await post('task-force', '/matching-events', EVENT);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ place: '软件园二期', date: '2026-12-10', organiser: 'TASK_FORCE', banks: ['ccb', 'xib'], registrations: [], outcomes: [], createdBy: 'task-force' });
  id = res.body.id;
  expect(await stack.db.auditEntry.count({ where: { subject: `matching-event:${id}`, action: 'MATCHING_EVENT_SCHEDULED' } })).toBe(1);
});

it('answers a repeat under the same Idempotency-Key with the same event, and refuses the key for another body', async () => {
  const key = `me-schedule-${run}`;
  const first = await post('task-force', '/matching-events', { ...EVENT, titleZh: `软件园三期对接会${run}` }, key);
  const again = await post('task-force', '/matching-events', { ...EVENT, titleZh: `软件园三期对接会${run}` }, key);
  expect([first.status, again.status, again.body.id]).toEqual([201, 200, first.body.id]);
  const other = await post('task-force', '/matching-events', { ...EVENT, titleZh: `另一场对接会${run}` }, key);
  expect([other.status, other.body.type]).toEqual([422, expect.stringMatching(/idempotency-key-reused$/)]);
  expect(await stack.db.matchingEvent.count({ where: { titleZh: { in: [`软件园三期对接会${run}`, `另一场对接会${run}`] } } })).toBe(1);
});

it('registers firms with their street (the same code again marks that it came) and refuses a malformed code or street', async () => {
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门软件园甲科技有限公司', creditCode: FIRM_A, street: 'lianqian' })).status).toBe(201);
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门软件园乙信息有限公司', creditCode: FIRM_B, street: 'lianqian' })).status).toBe(201);
  const came = await post('task-force', `/matching-events/${id}/registrations`, { name: '厦门软件园乙信息有限公司', creditCode: FIRM_B, came: true });
  expect([came.status, came.body.came, came.body.street]).toEqual([200, true, 'lianqian']);
  const bad = await post('task-force', `/matching-events/${id}/registrations`, { name: '无效', creditCode: '91350203' });
  expect([bad.status, bad.body.errors[0].field]).toEqual([422, 'creditCode']);
  const nowhere = await post('task-force', `/matching-events/${id}/registrations`, { name: '厦门软件园丙有限公司', creditCode: validSimingCode(`ME${run}07`), street: 'atlantis' });
  expect([nowhere.status, nowhere.body.errors]).toEqual([422, [{ field: 'street', message: "unknown street 'atlantis'; see GET /api/v1/streets" }]]);
  const streetless = await post('task-force', `/matching-events/${id}/registrations`, { name: '厦门软件园丙有限公司', creditCode: validSimingCode(`ME${run}07`) });
  expect([streetless.status, streetless.body.errors[0].field]).toEqual([422, 'street']);
  expect(await stack.db.matchingEventFirm.count({ where: { eventId: id } })).toBe(2);
});

it('lets each bank record its own meetings with registered firms: a need opens a lead in the firm’s street, a note none', async () => {
  const need = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'xib', kind: 'NEED', need: NEED, note: '需评估厂房' }, `me-need-${run}`);
  expect(need.status).toBe(201);
  expect(need.body).toMatchObject({ firm: FIRM_A, bank: 'xib', kind: 'NEED', need: { amount: '3000000.00', amountFen: 300_000_000, urgency: 'WITHIN_MONTH', patents: 4, collateral: null, refusedBy: null }, lead: expect.stringMatching(/^LD-/), recordedBy: 'xib-manager' });
  const lead = await get('task-force', `/leads/${need.body.lead}`);
  expect(lead.status).toBe(200);
  expect(lead.body).toMatchObject({ source: { kind: 'EVENT', id: need.body.id }, firm: { name: '厦门软件园甲科技有限公司', creditCode: FIRM_A }, street: 'lianqian', stage: 'OPEN', need: { amountFen: 300_000_000 } });
  const note = await post('ccb-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_B, bank: 'ccb', kind: 'NOTE', note: '暂无融资需求，留存联系方式' });
  expect([note.status, note.body.lead]).toEqual([201, null]);

  const outcomes = () => stack.db.matchingOutcome.count({ where: { eventId: id } });
  const before = await outcomes();
  const otherBank = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'ccb', kind: 'NOTE', note: '代记' });
  expect(otherBank.body.errors).toEqual([{ field: 'bank', message: "you record your own bank's (xib) meetings only" }]);
  const unregistered = await post('task-force', `/matching-events/${id}/outcomes`, { creditCode: validSimingCode(`ME${run}09`), bank: 'cib', kind: 'NEED', need: NEED });
  expect(unregistered.body.errors).toEqual([
    { field: 'creditCode', message: expect.stringMatching(/is not registered for the event; register it first$/) },
    { field: 'bank', message: "bank 'cib' does not attend the event" },
  ]);
  const refusedBy = await post('task-force', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'ccb', kind: 'NEED', need: { ...NEED, refusedBy: { bank: 'nobank', reason: '评级低' } } });
  expect(refusedBy.body.errors).toEqual([{ field: 'need.refusedBy.bank', message: "unknown bank 'nobank'; see GET /api/v1/banks" }]);
  const noteless = await post('task-force', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'ccb', kind: 'NOTE' });
  expect(noteless.body.errors).toEqual([{ field: 'note', message: 'a NOTE says what was discussed' }]);
  expect(await outcomes()).toBe(before);
});

it('answers a repeated outcome under the same key with the same outcome and lead, and refuses the key for another body', async () => {
  const leads = () => stack.db.lead.count({ where: { sourceKind: 'EVENT', creditCode: FIRM_A } });
  const [outcomesBefore, leadsBefore] = [await stack.db.matchingOutcome.count({ where: { eventId: id } }), await leads()];
  const again = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'xib', kind: 'NEED', need: NEED, note: '需评估厂房' }, `me-need-${run}`);
  expect(again.status).toBe(200);
  const first = (await get('manager', `/matching-events/${id}`)).body.outcomes[0];
  expect([again.body.id, again.body.lead]).toEqual([first.id, first.lead]);
  const other = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'xib', kind: 'NOTE', note: '改口' }, `me-need-${run}`);
  expect([other.status, other.body.type]).toEqual([422, expect.stringMatching(/idempotency-key-reused$/)]);
  expect([await stack.db.matchingOutcome.count({ where: { eventId: id } }), await leads()]).toEqual([outcomesBefore, leadsBefore]);
});

it('shows the event to the district and the banks attending, and to no other bank', async () => {
  const ccbOnly = (await post('task-force', '/matching-events', { ...EVENT, titleZh: '海丝中央法务区对接会', place: '海丝中央法务区', banks: ['ccb'] })).body.id;
  expect((await get('xib-manager', `/matching-events/${ccbOnly}`)).status).toBe(404);
  expect((await get('xib-manager', `/matching-events/${ccbOnly}/report`)).status).toBe(404);
  expect((await post('xib-manager', `/matching-events/${ccbOnly}/outcomes`, { creditCode: FIRM_A, bank: 'xib', kind: 'NOTE', note: 'x' })).status).toBe(404);
  expect((await get('xib-manager', '/matching-events')).body.items.map((e: { id: string }) => e.id)).not.toContain(ccbOnly);
  expect((await get('ccb-approver', '/matching-events')).body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([id, ccbOnly]));
  const read = await get('xib-approver', `/matching-events/${id}`);
  expect(read.body.registrations.map((r: { creditCode: string; came: boolean }) => [r.creditCode, r.came])).toEqual([
    [FIRM_A, true],
    [FIRM_B, true],
  ]);
  expect(await stack.db.auditEntry.count({ where: { subject: `matching-event:${id}`, action: 'MATCHING_EVENT_READ', actor: 'xib-approver' } })).toBe(1);
});

it('refuses the need of a firm registered without its street until it is registered again with it', async () => {
  const code = validSimingCode(`ME${run}05`);
  // A registration from before streets were asked.
  await stack.db.matchingEventFirm.create({ data: { eventId: id, creditCode: code, name: '厦门软件园旧报名有限公司', registeredBy: 'survey-group', registeredAt: new Date() } });
  const refused = await post('task-force', `/matching-events/${id}/outcomes`, { creditCode: code, bank: 'xib', kind: 'NEED', need: NEED });
  expect([refused.status, refused.body.errors]).toEqual([422, [{ field: 'creditCode', message: `firm ${code} was registered without its street; register it again with its street before recording its need` }]]);
  expect(await stack.db.matchingOutcome.count({ where: { eventId: id, creditCode: code } })).toBe(0);
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门软件园旧报名有限公司', creditCode: code, street: 'jialian' })).status).toBe(200);
  const need = await post('task-force', `/matching-events/${id}/outcomes`, { creditCode: code, bank: 'xib', kind: 'NEED', need: { ...NEED, amount: '800000' } });
  expect(need.status).toBe(201);
  expect((await get('task-force', `/leads/${need.body.lead}`)).body).toMatchObject({ source: { kind: 'EVENT', id: need.body.id }, street: 'jialian' });
});

it('reports firms registered and come, needs found, and how many became leads', async () => {
  expect((await get('manager', `/matching-events/${id}/report`)).body).toMatchObject({
    firmsRegistered: 3,
    firmsCame: 3,
    meetings: 3,
    needsFound: 2,
    firmsWithNeeds: 2,
    needsAmount: '3800000.00',
    leads: 2,
    byBank: [
      { bank: 'ccb', meetings: 1, needsFound: 0 },
      { bank: 'xib', meetings: 2, needsFound: 2 },
    ],
  });
});

it('follows the event’s leads to cases and money, in its report and in the funnel by event within each reader’s reach', async () => {
  // A 鹭江 firm states a need to 厦门国际银行; its lead becomes a case that is approved and paid.
  const FIRM_C = validSimingCode(`ME${run}03`);
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门鹭江对接丁有限公司', creditCode: FIRM_C, street: 'lujiang', came: true })).status).toBe(201);
  const need = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_C, bank: 'xib', kind: 'NEED', need: { ...NEED, amount: '800000' } });
  expect(need.status).toBe(201);
  await leadPaid(stack.app, need.body.lead);

  expect((await get('manager', `/matching-events/${id}/report`)).body).toMatchObject({
    meetings: 4,
    needsFound: 3,
    leads: 3,
    casesOpened: 1,
    decided: 1,
    disbursed: 1,
    disbursedFen: 80_000_000,
    disbursedAmount: '800000.00',
  });

  // The funnel by event: the meetings of the events held in the range, a firm met and no building walked.
  const eventGroup = async (who: string) => {
    const res = await get(who, `/survey/funnel?from=${EVENT.date}&to=${EVENT.date}&groupBy=event`);
    expect(res.status).toBe(200);
    return (res.body.groups as { code: string }[]).find((g) => g.code === id);
  };
  expect(await eventGroup('task-force')).toMatchObject({
    nameZh: EVENT.titleZh,
    buildingsWalked: 0,
    firmsVisited: 4,
    needsFound: 3,
    leads: 3,
    casesOpened: 1,
    decided: 1,
    disbursed: 1,
    disbursedAmount: '800000.00',
    rates: { needsFound: 0.75, leads: 1, casesOpened: 0.3333, decided: 1, disbursed: 1 },
  });
  // A street's officer counts the meetings with its street's firms only; a visiting team none.
  expect(await eventGroup('lujiang-officer')).toMatchObject({ firmsVisited: 1, needsFound: 1, casesOpened: 1, disbursed: 1 });
  expect(await eventGroup('lianqian-officer')).toMatchObject({ firmsVisited: 2, needsFound: 1, casesOpened: 0 });
  expect(await eventGroup('lujiang-visitor')).toBeUndefined();
});
