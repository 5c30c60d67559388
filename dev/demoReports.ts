// Demo data for `npm start`: one daily board, weekly pack and monthly dispatch report, so the
// reports API and Temporal UI have something to show before the schedules first fire. Each is
// the latest one due by today, published through the API as an operator would catch it up;
// one already stored is left as it is, so a second start adds nothing.
import { CADENCE_KINDS, latestPublicationDay, reportIdOf } from '../domain/cadence/decision';
import { OFFICIAL_NOTICES } from '../domain/calendar/officialNotices';
import { shanghaiDate } from '../domain/calendar/timeZone';
import type { IsoDate } from '../domain/calendar/types';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import type { DemoApi } from './demo';

export async function seedReportDemo(api: DemoApi, log: (line: string) => void = console.log, today: IsoDate = shanghaiDate(new Date())): Promise<void> {
  // The shipped notices: if an operator loaded a different one, the API refuses the date and says why.
  const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
  for (const kind of CADENCE_KINDS) {
    const date = latestPublicationDay(kind, today, calendar);
    const id = reportIdOf(kind, date);
    if ((await api('manager', 'GET', `/reports/${id}`)).status === 200) continue;
    const r = await api('operator', 'POST', `/reports/${kind.toLowerCase()}/runs`, { date });
    log(r.status === 201 ? `  例行报告 report ${id} published` : `  例行报告 report ${id} not published: ${r.status} ${r.body.detail ?? ''}`);
  }
}
