// Calendar answers: which days are working days, when a period of working days ends.
import type { z } from 'zod';
import { addDays, compareIsoDates } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { readArrangements } from '../../infra/calendarStore';
import type { Database } from '../../infra/database';
import type { DaysQuery, DeadlineQuery } from '../schemas';

export function calendarService(db: Database) {
  const calendar = async () => new WorkingCalendar(await readArrangements(db));
  return {
    async days(q: z.output<typeof DaysQuery>) {
      const cal = await calendar();
      const days = [];
      for (let d = q.from; compareIsoDates(d, q.to) <= 0; d = addDays(d, 1)) days.push(cal.dayInfo(d));
      return { from: q.from, to: q.to, provisional: days.some((d) => d.provisional), noticeYears: cal.noticeYears(), days };
    },

    async deadline(q: z.output<typeof DeadlineQuery>) {
      const due = (await calendar()).addWorkingDays(new Date(q.acceptedAt), q.workingDays, { closeOfBusiness: q.closeOfBusiness });
      return {
        acceptedAt: new Date(q.acceptedAt).toISOString(),
        workingDays: q.workingDays,
        dueAt: due.dueAt.toISOString(),
        dueDate: due.dueDate,
        provisional: due.provisional,
        explanation: due.explanation,
      };
    },
  };
}
