// A joint consultation waiting for the firm's materials longer than ten working days escalates as a
// case's pause does: real workflow on the time-skipping server, real activities on the real
// database, and the real HTTP API, through which the task force asks for the materials and where
// the coordination group and the street office find the notice and the consultation reads PAUSED.
import request from 'supertest';
import { pauseLimitAt } from '../../domain/calendar/shiftWorkingTime';
import { CONSULTATION_PAUSE_LIMIT_WORKING_DAYS } from '../../domain/consultation/promise';
import { proposePlanUpdate } from '../../workflows/jointConsultation';
import { bearer } from '../support/auth';
import { HOUR, advanceTo, calendar, eventually, nextWorkingMorning, settled, useHarnessWithApi } from './caseHarness';
import { ccbManager, consultationInput, startConsultation } from './consultationHarness';

const h = useHarnessWithApi();

const as = async (who: string, method: 'get' | 'post', path: string, body?: object) => {
  const req = request(h.app)[method](`/api/v1${path}`).set('authorization', await bearer(who));
  return body ? req.send(body) : req;
};

/** The pause-limit notices `who` sees about the consultation. */
async function pauseLimitNotices(who: string, id: string): Promise<{ via: string; text: { zh: string; en: string } }[]> {
  const res = await as(who, 'get', '/notifications?limit=100');
  expect(res.status).toBe(200);
  return res.body.items.filter((n: { source: string; text: { zh: string } }) => n.source === id && n.text.zh.startsWith('【暂停超限督办】'));
}

test('a consultation waiting for materials past ten working days reaches the coordination group and the street office, still reads PAUSED and has no breach', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const input = consultationInput(openedAt);
  const id = input.consultationId;
  const run = await startConsultation(h, input);
  await run.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: { kind: 'DIFFERENT_BANK', product: 'FAST_TRACK', bankCode: 'ccb', amountFen: 250_000_000, note: '建行抵押要求较低' } }] });

  const asked = await as('task-force', 'post', `/consultations/${id}/materials/request`, { missing: ['2025年度审计报告'], reason: '建行需审计报告' });
  expect(asked.status).toBe(200);
  const limit = pauseLimitAt(calendar, new Date(asked.body.materials[0].since), CONSULTATION_PAUSE_LIMIT_WORKING_DAYS);
  expect(asked.body).toMatchObject({ stage: 'MATERIALS', slaState: 'PAUSED', materials: [{ escalatesAt: limit.toISOString() }] });

  await advanceTo(h.env, new Date(limit.getTime() - 120_000));
  expect(await pauseLimitNotices('task-force', id)).toEqual([]);
  await advanceTo(h.env, new Date(limit.getTime() + 120_000));
  for (const [who, via] of [['task-force', 'TASK_FORCE:综合协调组'], ['lujiang-officer', 'STREET_OFFICE:lujiang']]) {
    const [notice] = await eventually(async () => {
      const found = await pauseLimitNotices(who!, id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(notice).toMatchObject({ via });
    expect(notice!.text.zh).toMatch(new RegExp(`^【暂停超限督办】.+的银行联合会诊 ${id} 自 .+ 起等待企业补充材料（2025年度审计报告），已超过10个工作日（task-force 暂停，原因：建行需审计报告）。请综合协调组督办。$`));
  }
  // Not the bank: the wait is the firm's and the street's to chase.
  expect(await pauseLimitNotices('ccb-manager', id)).toEqual([]);

  const view = await as('task-force', 'get', `/consultations/${id}`);
  expect(view.body).toMatchObject({ stage: 'MATERIALS', slaState: 'PAUSED', breaches: [], materials: [{ escalatedAt: expect.any(String) }] });
  expect(view.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['SLA_PAUSE_LIMIT', 'ESCALATED']));

  await advanceTo(h.env, new Date(limit.getTime() + 48 * HOUR));
  expect(await pauseLimitNotices('task-force', id)).toHaveLength(1);
  expect((await as('task-force', 'post', `/consultations/${id}/withdrawal`, { reason: '测试结束 end of test' })).status).toBe(200);
  await settled(run);
});
