// One case: firm, amount, promise and time left; the three branches with owners, dues and
// evidence; the actions the user may take; the timeline; the workflow in Temporal UI. A sci-tech
// case has its own page (SciTechCase.tsx).
import { useState } from 'react';
import { api, type AnyCaseView, type CalendarDays } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, PausedNote, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { nameOf, STAGES, TASKS } from '../labels';
import { rangeFor } from '../workingTime';
import { DecisionForm, LaterActions, TaskActions } from './caseActions';
import { CaseCard, CaseFacts, Timeline } from './caseParts';
import { SciTechCase } from './SciTechCase';
import { TimeLeft } from './TimeLeft';

const OPEN_STAGES = ['ACCEPTED', 'PARALLEL_REVIEW', 'CREDIT_DECISION'];

async function loadCase(id: string) {
  const c = await api<AnyCaseView>(`/cases/${id}`);
  const { from, to } = rangeFor([c.dueAt, ...('tasks' in c ? c.tasks.map((t) => t.dueAt) : [])]);
  const calendar = await api<CalendarDays>(`/calendar/days?from=${from}&to=${to}`);
  return { c, days: calendar.days };
}

export function CaseDetail({ id, user }: { id: string; user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadCase(id), [id]);
  const [updated, setUpdated] = useState<AnyCaseView>();
  if (!loaded.data) return <Loading {...loaded} />;
  const days = loaded.data.days;
  const c = updated && updated.id === id ? updated : loaded.data.c;
  if (!('tasks' in c)) return <SciTechCase c={c} user={user} onChange={setUpdated} />;
  const open = OPEN_STAGES.includes(c.stage);

  return (
    <article className="case" data-case={c.id}>
      <CaseCard c={c}>
        <dl className="facts">
          <CaseFacts c={c} amountLabel="amount" user={user} />
          <dt>{t('dueAt')}</dt>
          <dd>
            {formatInstant(c.dueAt, lang)} {open && c.dueAt && !c.paused ? <TimeLeft days={days} due={c.dueAt} /> : null}
            {c.pausedWorkingDays > 0 ? <span className="muted"> {t('pausedDaysNote', { n: c.pausedWorkingDays })}</span> : null}
          </dd>
          {c.paused ? (
            <>
              <dt>{t('paused')}</dt>
              <dd>
                <PausedNote paused={c.paused} />
              </dd>
            </>
          ) : null}
          <dt>{t('purpose')}</dt>
          <dd>{c.purpose}</dd>
        </dl>
      </CaseCard>

      <section className="card">
        <h2>{t('branches')}</h2>
        <div className="branches">
          {c.tasks.map((task) => {
            const taskPaused = c.pauses.some((p) => p.kind === task.kind && !p.until);
            return (
              <div key={task.kind} className={`branch sla-${task.slaState}`} data-task={task.kind}>
                <h3>
                  {nameOf(TASKS, task.kind, lang)} <SlaBadge state={task.status === 'DONE' ? 'MET' : taskPaused ? 'PAUSED' : task.slaState} />
                </h3>
                <p>
                  {t('owner')}: <strong>{task.assignee}</strong>
                </p>
                <p>
                  {t('due')}: {formatInstant(task.dueAt, lang)} {task.status === 'OPEN' && !taskPaused ? <TimeLeft days={days} due={task.dueAt} /> : null}
                </p>
                <p>
                  {t('status')}: {task.status === 'DONE' ? `${t('done')} · ${formatInstant(task.completedAt, lang)} · ${task.completedBy ?? ''}` : task.status}
                  {taskPaused ? ` · ${t('paused')}` : ''}
                </p>
                {task.evidence ? (
                  <dl className="evidence">
                    {Object.entries(task.evidence).map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{String(v)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <TaskActions c={c} task={task} user={user} onChange={setUpdated} />
              </div>
            );
          })}
        </div>
      </section>

      {c.stage === 'CREDIT_DECISION' && user.role === 'credit_approver' ? (
        <section className="card">
          <h2>{t('decision')}</h2>
          <DecisionForm c={c} onChange={setUpdated} />
        </section>
      ) : null}
      {c.decision ? (
        <section className="card">
          <h2>{t('decision')}</h2>
          <p data-testid="decision">
            {nameOf(STAGES, c.decision.outcome === 'APPROVED' ? 'DISBURSED' : 'REJECTED', lang)} · {c.decision.by} · {formatInstant(c.decision.at, lang)}
          </p>
        </section>
      ) : null}
      <LaterActions c={c} user={user} onChange={setUpdated} />

      <Timeline events={c.events} />
    </article>
  );
}
