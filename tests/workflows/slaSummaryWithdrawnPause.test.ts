// The SLA summary counts the working days a case waited for the firm even when its withdrawal, not
// a resumption, ended the wait: real workflow on the time-skipping server, real activities on the
// real database, and the real HTTP API through which the street pauses, withdraws and the manager
// reads GET /api/v1/sla/summary.
import request from 'supertest';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { bearer } from '../support/auth';
import { advanceTo, apiCaseNo, calendar, caseInput, nextWorkingMorning, settled, startCase, useHarnessWithApi } from './caseHarness';

const h = useHarnessWithApi();

const as = async (who: string, method: 'get' | 'post', path: string, body?: object) => {
  const req = request(h.app)[method](`/api/v1${path}`).set('authorization', await bearer(who));
  return body ? req.send(body) : req;
};

test("a case withdrawn after three working days waiting for the firm adds those three days to the summary's paused working days", async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  // The API's own case number shape (the harness's default is for workflows alone).
  const input = caseInput(acceptedAt, { caseNo: apiCaseNo(2099) });
  const handle = await startCase(h, input);
  const date = shanghaiDate(acceptedAt);
  const pausedDays = async () => {
    const res = await as('manager', 'get', `/sla/summary?from=${date}&to=${date}&street=lujiang`);
    expect(res.status).toBe(200);
    return res.body.overall.pausedWorkingDays as number;
  };

  const paused = await as('lujiang-officer', 'post', `/cases/${input.caseNo}/tasks/grid-submission/pause`, { reason: '企业补充营业执照' });
  expect([paused.status, paused.body.detail]).toEqual([200, undefined]);
  // Three working days later, the firm gives up while the clock still stands.
  let day = date;
  for (let n = 0; n < 3; ) if (calendar.isWorkingDay((day = addDays(day, 1)))) n++;
  await advanceTo(h.env, shanghaiDateTime(day, '10:00'));
  const before = await pausedDays();
  const withdrawn = await as('lujiang-officer', 'post', `/cases/${input.caseNo}/withdrawal`, { reason: '企业放弃申请' });
  expect(withdrawn.status).toBe(200);
  await settled(handle);
  expect(await pausedDays()).toBe(before + 3);
});

