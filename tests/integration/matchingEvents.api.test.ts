// A bank–enterprise matching event (银企对接会): the task force schedules it at the software park
// with two banks, firms register and come, each bank records its meetings (a need in the visits'
// own schema, or a note), and the report counts firms, needs and the leads they became.
import request from 'supertest';
import { MatchingOutcomeBody } from '../../api/schemas';
import { matchingEventService, type OpenLeadFromOutcome } from '../../api/services/matchingEvents';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const run = String(Date.now() % 10_000).padStart(4, '0');
const FIRM_A = validSimingCode(`ME${run}01`);
const FIRM_B = validSimingCode(`ME${run}02`);

const post = async (who: string, path: string, body: object) => request(stack.app).post(`/api/v1${path}`).set('authorization', await bearer(who)).send(body);
const get = async (who: string, path: string) => request(stack.app).get(`/api/v1${path}`).set('authorization', await bearer(who));
const EVENT = { titleZh: '软件园二期银企对接会', titleEn: 'Software Park phase II matching event', place: '软件园二期', date: '2026-12-10', organiser: 'TASK_FORCE', banks: ['xib', 'ccb'] };
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

it('registers firms (the same code again marks that it came) and refuses a malformed code', async () => {
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门软件园甲科技有限公司', creditCode: FIRM_A })).status).toBe(201);
  expect((await post('survey-group', `/matching-events/${id}/registrations`, { name: '厦门软件园乙信息有限公司', creditCode: FIRM_B })).status).toBe(201);
  const came = await post('task-force', `/matching-events/${id}/registrations`, { name: '厦门软件园乙信息有限公司', creditCode: FIRM_B, came: true });
  expect([came.status, came.body.came]).toEqual([200, true]);
  const bad = await post('task-force', `/matching-events/${id}/registrations`, { name: '无效', creditCode: '91350203' });
  expect([bad.status, bad.body.errors[0].field]).toEqual([422, 'creditCode']);
});

it('lets each bank record its own meetings with registered firms: a need as a visit records it, or a note', async () => {
  const need = await post('xib-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_A, bank: 'xib', kind: 'NEED', need: NEED, note: '需评估厂房' });
  expect(need.status).toBe(201);
  expect(need.body).toMatchObject({ firm: FIRM_A, bank: 'xib', kind: 'NEED', need: { amount: '3000000.00', amountFen: 300_000_000, urgency: 'WITHIN_MONTH', patents: 4, collateral: null, refusedBy: null }, lead: null, recordedBy: 'xib-manager' });
  expect((await post('ccb-manager', `/matching-events/${id}/outcomes`, { creditCode: FIRM_B, bank: 'ccb', kind: 'NOTE', note: '暂无融资需求，留存联系方式' })).status).toBe(201);

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

it('reports firms registered and come, needs found, and how many became leads', async () => {
  expect((await get('manager', `/matching-events/${id}/report`)).body).toMatchObject({
    firmsRegistered: 2,
    firmsCame: 2,
    meetings: 2,
    needsFound: 1,
    firmsWithNeeds: 1,
    needsAmount: '3000000.00',
    leads: 0,
    byBank: [
      { bank: 'ccb', meetings: 1, needsFound: 0 },
      { bank: 'xib', meetings: 1, needsFound: 1 },
    ],
  });
  // The lead workflow (not yet built) writes the lead it opens on the outcome: the report counts it.
  await stack.db.matchingOutcome.updateMany({ where: { eventId: id, kind: 'NEED' }, data: { leadId: `LD-${run}` } });
  expect((await get('manager', `/matching-events/${id}/report`)).body.leads).toBe(1);
});

it('opens a lead from a need through the place the lead workflow plugs into, in the outcome’s transaction', async () => {
  const asked: Parameters<OpenLeadFromOutcome>[1][] = [];
  const openLead: OpenLeadFromOutcome = async (_tx, outcome) => (asked.push(outcome), `LD-${run}-2`);
  const events = matchingEventService(stack.db, openLead);
  const caller = { principal: { sub: 'task-force', name: '蔡明', role: 'task_force' as const }, idempotencyKey: () => undefined };
  const event = await events.inReach(caller, id);
  const note = await events.recordOutcome(caller, event, MatchingOutcomeBody.parse({ creditCode: FIRM_B, bank: 'xib', kind: 'NOTE', note: '了解产品' }));
  const need = await events.recordOutcome(caller, event, MatchingOutcomeBody.parse({ creditCode: FIRM_B, bank: 'xib', kind: 'NEED', need: { ...NEED, amount: '800000' } }));
  // A note opens none; a need opens one, and the outcome keeps its id.
  expect([note.lead, need.lead]).toEqual([null, `LD-${run}-2`]);
  expect(asked).toEqual([{ id: need.id, eventId: id, creditCode: FIRM_B, bankCode: 'xib', need: expect.objectContaining({ amountFen: 80_000_000, urgency: 'WITHIN_MONTH' }), recordedBy: 'task-force' }]);
  expect((await get('manager', `/matching-events/${id}/report`)).body).toMatchObject({ meetings: 4, needsFound: 2, firmsWithNeeds: 2, needsAmount: '3800000.00', leads: 2 });
});
