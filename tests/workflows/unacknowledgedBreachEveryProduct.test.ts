// A sci-tech case's and a joint consultation's breach go one level up as a fast-track case's do
// (escalationNotifications.test.ts): real workflows on the time-skipping server, real activities
// on the real database, and the task force's leader reading GET /api/v1/notifications. Its own
// file and server: after that file's test, the time-skipping server no longer skips time.
import request from 'supertest';
import { addWorkingTime } from '../../domain/calendar/shiftWorkingTime';
import { UNACKNOWLEDGED_BREACH_WORKING_MS } from '../../domain/escalation';
import { shanghaiText } from '../../workflows/caseDetails';
import { withdrawConsultationUpdate } from '../../workflows/jointConsultation';
import { sciTechGetStateQuery, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { bearer } from '../support/auth';
import { borderline, sciTechInput, startSciTech } from '../support/sciTechScenarios';
import { HOUR, advanceTo, calendar, eventually, nextWorkingMorning, settled, useHarnessWithApi } from './caseHarness';
import { consultationInput, startConsultation, taskForce } from './consultationHarness';

const h = useHarnessWithApi();

interface Item {
  source: string;
  type: string;
  text: { zh: string; en: string };
  via: string;
  acknowledgedAt: string | null;
}

/** The breach notices the task force's leader sees about `source`. */
async function leadersBreachNotices(source: string): Promise<Item[]> {
  const res = await request(h.app).get('/api/v1/notifications?limit=100').set('authorization', await bearer('task-force-lead')).expect(200);
  return (res.body.items as Item[]).filter((n) => n.source === source && n.type === 'ESCALATED');
}

test("a sci-tech case's and a consultation's breach nobody acknowledges reach the task force's leaders too", async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const sciTech = sciTechInput(openedAt, borderline);
  const sciTechCase = await startSciTech(h, sciTech);
  await eventually(async () => expect((await sciTechCase.query(sciTechGetStateQuery)).stage).toBe('MANUAL_REVIEW'));
  const consultation = consultationInput(openedAt);
  const consultationRun = await startConsultation(h, consultation);

  /** The leaders' notices about `source`, once four working hours have passed since its breach at `due`. */
  async function leadersHearOf(source: string, due: Date): Promise<Item> {
    const escalatesAt = addWorkingTime(calendar, due, UNACKNOWLEDGED_BREACH_WORKING_MS);
    await advanceTo(h.env, new Date(escalatesAt.getTime() - 120_000));
    expect(await leadersBreachNotices(source)).toEqual([]);
    await advanceTo(h.env, new Date(escalatesAt.getTime() + 120_000));
    const [up] = await eventually(async () => {
      const found = await leadersBreachNotices(source);
      expect(found).toHaveLength(1);
      return found;
    });
    return up!;
  }

  // The approver never decides: 48 calendar hours, then four working hours.
  const sciTechUp = await leadersHearOf(sciTech.caseNo, new Date(openedAt.getTime() + 48 * HOUR));
  expect(sciTechUp).toMatchObject({ type: 'ESCALATED', via: 'TASK_FORCE:专班负责人', acknowledgedAt: null });
  expect(sciTechUp.text.zh).toMatch(new RegExp(`^【超时无人确认】善科贷案件 ${sciTech.caseNo}（.+）的48小时承诺已于 .+ 超时，4 个工作小时内无人确认，升级至专班负责人。$`));

  // Nobody works on the consultation: five working days (its due is on the record), then four working hours.
  const { dueAt } = await h.db.consultation.findUniqueOrThrow({ where: { consultationId: consultation.consultationId }, select: { dueAt: true } });
  const consultationUp = await leadersHearOf(consultation.consultationId, dueAt!);
  expect(consultationUp).toMatchObject({ type: 'ESCALATED', via: 'TASK_FORCE:专班负责人' });
  expect(consultationUp.text.en).toBe(
    `[Breach unacknowledged] Joint consultation ${consultation.consultationId}: 5个工作日承诺 5-working-day promise passed its due ${shanghaiText(dueAt!.toISOString())} and nobody acknowledged it within 4 working hours; escalated to the task force's leaders.`,
  );

  await sciTechCase.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: '测试结束 end of test', actor: 'loan-officer@ccb-lianqian' }] });
  await consultationRun.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '测试结束 end of test' }] });
  await settled(sciTechCase);
  await settled(consultationRun);
});
