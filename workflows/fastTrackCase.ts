import {
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  setCurrentDetails,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type * as activities from '../activities';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { yearOf, shanghaiDate } from '../domain/calendar/timeZone';
import { formatWan } from '../domain/money';
import { CaseStage, DueAt, SlaState } from './searchAttributes';

/** The district's promise: a decision within five working days of acceptance. */
export const PROMISE_WORKING_DAYS = 5;

export type Stage = 'ACCEPTED' | 'PARALLEL_REVIEW' | 'WITHDRAWN';
export type SlaStateValue = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET';

export interface FastTrackCaseInput {
  caseNo: string;
  firm: { name: string; creditCode: string; creditCodeWarnings: string[] };
  streetCode: string;
  bankCode: string;
  amountFen: number;
  purpose: string;
  /** ISO-8601 instant the street office accepted the case. */
  acceptedAt: string;
  acceptedBy: string;
}

export interface CaseState {
  caseNo: string;
  stage: Stage;
  slaState: SlaStateValue;
  acceptedAt: string;
  dueAt: string | null;
  dueProvisional: boolean;
  dueExplanation: string[];
  recorded: boolean;
  withdrawal?: { reason: string; by: string; at: string };
}

export interface WithdrawRequest {
  reason: string;
  actor: string;
}

export const getStateQuery = defineQuery<CaseState>('getState');
/** Completes once the case is accepted and its record written; used with update-with-start. */
export const acceptanceUpdate = defineUpdate<CaseState>('acceptance');
export const withdrawUpdate = defineUpdate<CaseState, [WithdrawRequest]>('withdraw');

const records = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function fastTrackCaseWorkflow(input: FastTrackCaseInput): Promise<CaseState> {
  const acceptedAt = new Date(input.acceptedAt);
  const state: CaseState = {
    caseNo: input.caseNo,
    stage: 'ACCEPTED',
    slaState: 'ON_TRACK',
    acceptedAt: input.acceptedAt,
    dueAt: null,
    dueProvisional: false,
    dueExplanation: [],
    recorded: false,
  };

  setHandler(getStateQuery, () => state);
  setHandler(acceptanceUpdate, async () => {
    await condition(() => state.recorded);
    return state;
  });
  setHandler(
    withdrawUpdate,
    async ({ reason, actor }) => {
      await condition(() => state.recorded);
      const at = new Date().toISOString();
      state.withdrawal = { reason, by: actor, at };
      state.stage = 'WITHDRAWN';
      await records.recordCaseEvent({
        caseNo: input.caseNo,
        eventKey: 'withdrawn',
        type: 'WITHDRAWN',
        actor,
        at,
        data: { reason },
        stage: state.stage,
        slaState: state.slaState,
      });
      return state;
    },
    {
      validator: ({ reason }) => {
        if (state.stage === 'WITHDRAWN') throw new Error('the case is already withdrawn');
        if (!reason?.trim()) throw new Error('a withdrawal needs a reason');
      },
    },
  );

  // The calendar enters through an activity: notices change while cases run.
  const year = yearOf(shanghaiDate(acceptedAt));
  const notices = await records.loadCalendarYears({ fromYear: year, toYear: year + 1 });
  const due = new WorkingCalendar(notices).addWorkingDays(acceptedAt, PROMISE_WORKING_DAYS);
  state.dueAt = due.dueAt.toISOString();
  state.dueProvisional = due.provisional;
  state.dueExplanation = due.explanation.skipped.map((s) => `${s.date} ${s.reason}`);

  await records.recordCaseAccepted({ input, dueAt: state.dueAt, dueProvisional: due.provisional });
  state.recorded = true;
  state.stage = 'PARALLEL_REVIEW';
  upsertSearchAttributes([
    { key: CaseStage, value: state.stage },
    { key: SlaState, value: state.slaState },
    { key: DueAt, value: due.dueAt },
  ]);
  setCurrentDetails(details(input, state));

  await condition(() => state.stage === 'WITHDRAWN');
  upsertSearchAttributes([{ key: CaseStage, value: state.stage }]);
  setCurrentDetails(details(input, state));
  return state;
}

function details(input: FastTrackCaseInput, state: CaseState): string {
  return [
    `**${input.firm.name}** · ${formatWan(input.amountFen)} · ${input.streetCode} → ${input.bankCode}`,
    `阶段 Stage: ${state.stage} · 时限 SLA: ${state.slaState}`,
    `承诺办结 Due: ${state.dueAt ?? '—'}${state.dueProvisional ? ' (暂定 provisional)' : ''}`,
  ].join('\n\n');
}
