// What operators read in Temporal UI's "current details": Chinese first, then English.
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { PLAN_KIND_LABELS } from '../domain/consultation/plan';
import { REASON_LABELS } from '../domain/consultation/reasons';
import { TASK_LABELS } from '../domain/fastTrack/policy';
import { formatWan } from '../domain/money';
import { caseEnded } from '../domain/stages';
import type { CaseState, FastTrackCaseInput, TaskState } from './fastTrackCaseMessages';
import type { ConsultationState } from './jointConsultationMessages';
import type { SciTechCaseInput, SciTechCaseState } from './sciTechCaseMessages';

const HOUR_MS = 60 * 60 * 1000;

/** "2026-11-30 24:00" style local (Asia/Shanghai) time, as officers write it. */
export function shanghaiText(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * HOUR_MS).toISOString();
  const hhmm = local.slice(11, 16);
  if (hhmm === '00:00') {
    // A due at 00:00 is the end of the previous day (24:00).
    const prev = new Date(new Date(iso).getTime() + 8 * HOUR_MS - 1).toISOString().slice(0, 10);
    return `${prev} 24:00`;
  }
  return `${local.slice(0, 10)} ${hhmm}`;
}

/** Working hours left (late when overdue), rounded to a tenth: [Chinese, English]. */
export function workingHoursLeftParts(calendar: WorkingCalendar, now: Date, dueIso: string): [string, string] {
  const h = calendar.workingTimeRemaining(now, new Date(dueIso)) / HOUR_MS;
  return h >= 0
    ? [`剩余 ${h.toFixed(1)} 工作小时`, `${h.toFixed(1)} working h left`]
    : [`超时 ${(-h).toFixed(1)} 工作小时`, `${(-h).toFixed(1)} working h late`];
}

export function workingHoursLeft(calendar: WorkingCalendar, now: Date, dueIso: string): string {
  return workingHoursLeftParts(calendar, now, dueIso).join(' ');
}

function taskLine(calendar: WorkingCalendar, now: Date, t: TaskState): string {
  const left = t.status === 'DONE' ? `已完成 done ${t.completedAt ? shanghaiText(t.completedAt) : ''}` : workingHoursLeft(calendar, now, t.dueAt);
  return `| ${TASK_LABELS[t.kind]} | ${t.assignee} | ${t.status} · ${t.slaState} | ${shanghaiText(t.dueAt)} | ${left} |`;
}

export function caseDetails(input: FastTrackCaseInput, state: CaseState, calendar: WorkingCalendar | undefined, now: Date): string {
  const lines = [
    `**${input.firm.name}** · ${formatWan(input.amountFen)} · ${input.streetCode} → ${input.bankCode}`,
    `阶段 Stage: ${state.stage} · 时限 SLA: ${state.slaState} · 超时 Breaches: ${state.breaches.length}`,
    `承诺办结 Due: ${state.dueAt ? shanghaiText(state.dueAt) : '—'}${state.dueProvisional ? ' (暂定 provisional)' : ''}` +
      (calendar && state.dueAt && !caseEnded(state.stage) ? ` · ${workingHoursLeft(calendar, now, state.dueAt)}` : ''),
  ];
  const paused = state.pauses.find((p) => !p.until);
  if (paused) lines.push(`⏸ 计时暂停 SLA paused (${paused.kind}) since ${shanghaiText(paused.since)}, by ${paused.by}: ${paused.reason}`);
  if (calendar && state.tasks.length > 0) {
    lines.push(
      ['| 环节 Branch | 负责人 Owner | 状态 Status | 到期 Due | 时间 Time |', '| --- | --- | --- | --- | --- |', ...state.tasks.map((t) => taskLine(calendar, now, t))].join('\n'),
    );
  }
  return lines.join('\n\n');
}

export function sciTechDetails(input: SciTechCaseInput, state: SciTechCaseState, now: Date): string {
  const open = !caseEnded(state.stage);
  const leftH = (new Date(state.dueAt).getTime() - now.getTime()) / HOUR_MS;
  const left = leftH >= 0 ? `剩余 ${leftH.toFixed(1)} 小时 ${leftH.toFixed(1)} h left` : `超时 ${(-leftH).toFixed(1)} 小时 ${(-leftH).toFixed(1)} h late`;
  const lines = [
    `**${input.firm.name}** · 善科贷 sci-tech credit · ${formatWan(input.application.requestedFen)} · ${input.streetCode} → ${input.bankCode}`,
    `阶段 Stage: ${state.stage} · 时限 SLA: ${state.slaState}` + (state.score !== undefined ? ` · 评分 Score: ${state.score} (${state.band})` : ''),
    `48小时承诺 48-hour promise: ${shanghaiText(state.dueAt)}` + (open ? ` · ${left}` : ''),
  ];
  if (state.factors) {
    lines.push(['| 因素 Factor | 输入 Input | 得分 Points |', '| --- | --- | --- |', ...state.factors.map((f) => `| ${f.name} | ${f.input} ${f.unit} | ${f.points}/${f.maxPoints} |`)].join('\n'));
  }
  if (state.limit) lines.push(`建议额度 Recommended limit: ${formatWan(state.limit.recommendedFen)} (${state.limit.bindingCap})`);
  if (state.decision) lines.push(`决定 Decision: ${state.decision.outcome} · ${state.decision.by}${state.decision.amountFen !== undefined ? ` · ${formatWan(state.decision.amountFen)}` : ''}`);
  return lines.join('\n\n');
}

export function consultationDetails(state: ConsultationState): string {
  const plan = state.plan ? `方案 plan: ${PLAN_KIND_LABELS[state.plan.kind]} · ${state.plan.bankCode} · ${formatWan(state.plan.amountFen)}` : '方案 plan: —';
  const paused = state.materials.find((m) => !m.until);
  return [
    `阶段 stage: ${state.stage} · 时限 SLA: ${state.slaState}${state.dueAt ? ` · 截止 due ${shanghaiText(state.dueAt)}` : ''}`,
    ...(paused ? [`⏸ 计时暂停 clock paused (materials) since ${shanghaiText(paused.since)}, by ${paused.by}: ${paused.reason}`] : []),
    `原因 reasons: ${state.reasons.map((r) => REASON_LABELS[r.code]).join('; ') || '—'}`,
    plan,
    ...(state.linkedCase ? [`新案件 linked case: ${state.linkedCase.caseNo} (${state.linkedCase.product})`] : []),
  ].join('\n');
}
