import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { funnel, funnelFigures, type FunnelCase, type FunnelVisit } from '../../domain/survey/funnel';

const calendar = new WorkingCalendar(OFFICIAL_NOTICES);
// 2025-03-03 is a Monday; 2025-03-08/09 is a weekend.
const at = (date: string, hhmm: string) => shanghaiDateTime(date, hhmm);

function visit(firmId: string, buildingCode: string, team: string, bank: string | null, when: [string, string], lead?: { leadId: string; case: FunnelCase | null }): FunnelVisit {
  return { visitedAt: at(...when), buildingCode, firmId, street: 'lujiang', community: team.slice(0, 2), team, bank, event: null, needFound: lead !== undefined, lead: lead ?? null };
}

const visits: FunnelVisit[] = [
  // F1: need found Monday 10:00, case opened 16:00 (0.25), approved Tuesday 16:00 (1.0), paid 22:00 (0.25).
  visit('f1', 'b1', 'c1-t1', 'xib', ['2025-03-03', '10:00'], {
    leadId: 'L1',
    case: { acceptedAt: at('2025-03-03', '16:00'), decidedAt: at('2025-03-04', '16:00'), disbursedAt: at('2025-03-04', '22:00'), disbursedFen: 500_000_00 },
  }),
  // F1 again, nothing new; F2 in the same building, no need.
  visit('f1', 'b1', 'c1-t1', 'xib', ['2025-03-05', '10:00']),
  visit('f2', 'b1', 'c1-t1', 'xib', ['2025-03-05', '11:00']),
  // F3: need found Friday 10:00, case opened Monday 10:00 (1.0 over the weekend), rejected Monday 16:00.
  visit('f3', 'b2', 'c2-t1', null, ['2025-03-07', '10:00'], {
    leadId: 'L3',
    case: { acceptedAt: at('2025-03-10', '10:00'), decidedAt: at('2025-03-10', '16:00'), disbursedAt: null, disbursedFen: 0 },
  }),
  // F4: a lead not converted yet; F5: a need whose lead was not opened (Temporal was away).
  visit('f4', 'b2', 'c2-t1', null, ['2025-03-07', '11:00'], { leadId: 'L4', case: null }),
  { ...visit('f5', 'b3', 'c2-t1', null, ['2025-03-07', '12:00']), needFound: true },
];

describe('the survey funnel', () => {
  it('counts each stage over the visits and divides each by the one before it', () => {
    const f = funnelFigures(visits, calendar);
    expect(f).toMatchObject({ buildingsWalked: 3, firmsVisited: 5, needsFound: 4, leads: 3, casesOpened: 2, decided: 2, disbursed: 1, disbursedFen: 500_000_00 });
    expect(f.rates).toEqual({ needsFound: 0.8, leads: 0.75, casesOpened: 0.6667, decided: 1, disbursed: 0.5 });
  });

  it('measures working days between the stages, a weekend not counted', () => {
    // needToCase: 0.25 and 1.0; caseToDecision: 1.0 and 0.25; only F1 was paid.
    expect(funnelFigures(visits, calendar).medianWorkingDays).toEqual({
      needToCase: 0.625,
      caseToDecision: 0.625,
      decisionToDisbursement: 0.25,
      needToDisbursement: 1.5,
    });
  });

  it('groups by team and by bank; a team without a bank seat counts only overall by bank', () => {
    const byTeam = funnel(visits, calendar, 'team');
    expect(byTeam.groups.map((g) => [g.code, g.firmsVisited, g.casesOpened])).toEqual([['c1-t1', 2, 1], ['c2-t1', 3, 1]]);
    const byBank = funnel(visits, calendar, 'bank');
    expect(byBank.groups.map((g) => [g.code, g.needsFound, g.disbursed])).toEqual([['xib', 1, 1]]);
    expect(byBank.overall.needsFound).toBe(4);
  });

  it('groups a matching event’s meetings by event: firms met, no building walked, visits counted only overall', () => {
    const meeting = (firmId: string, lead?: { leadId: string; case: FunnelCase | null }): FunnelVisit => ({
      ...visit(firmId, 'none', 'none', 'ccb', ['2025-03-06', '14:00'], lead),
      buildingCode: null,
      community: null,
      team: null,
      event: 'ME-1',
    });
    const met = [meeting('f6', { leadId: 'L6', case: null }), meeting('f7')];
    const byEvent = funnel([...visits, ...met], calendar, 'event');
    expect(byEvent.groups).toEqual([expect.objectContaining({ code: 'ME-1', buildingsWalked: 0, firmsVisited: 2, needsFound: 1, leads: 1, casesOpened: 0 })]);
    expect(byEvent.overall).toMatchObject({ buildingsWalked: 3, firmsVisited: 7 });
  });

  it('has no rate or median when nothing reached the stage', () => {
    const f = funnelFigures([visit('f2', 'b1', 'c1-t1', 'xib', ['2025-03-05', '11:00'])], calendar);
    expect(f.rates).toEqual({ needsFound: 0, leads: null, casesOpened: null, decided: null, disbursed: null });
    expect(f.medianWorkingDays.needToCase).toBeNull();
    expect(funnelFigures([], calendar).rates.needsFound).toBeNull();
  });
});
