// One case: firm, amount, promise and time left; the three branches with owners, dues and
// evidence; the actions the user may take; the timeline; the workflow in Temporal UI.
import { useState, type ReactNode } from 'react';
import { api, type AnyCaseView, type CalendarDays, type CaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, PausedNote, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { half, nameOf, STAGES, TASKS } from '../labels';
import { rangeFor } from '../workingTime';
import { CancelContractForm, DecisionForm, HeldDisbursement, TaskActions, WithdrawForm } from './caseActions';
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
  const [updated, setUpdated] = useState<CaseView>();
  if (!loaded.data) return <Loading {...loaded} />;
  const days = loaded.data.days;
  const c = updated && updated.id === id ? updated : loaded.data.c;
  if (!('tasks' in c)) return <OtherProduct c={c} />;
  const open = OPEN_STAGES.includes(c.stage);

  return (
    <article className="case" data-case={c.id}>
      <CaseCard c={c}>
        <dl className="facts">
          <dt>{t('firm')}</dt>
          <dd>
            {c.firm.name} <span className="muted">{c.firm.creditCode}</span>
          </dd>
          <dt>{t('amount')}</dt>
          <dd>{Number(c.amount).toLocaleString(lang, { minimumFractionDigits: 2 })}</dd>
          <dt>{t('street')}</dt>
          <dd>{lang === 'en' ? c.street.nameEn : c.street.nameZh}</dd>
          <dt>{t('bank')}</dt>
          <dd>{lang === 'en' ? c.bank.nameEn : c.bank.nameZh}</dd>
          <dt>{t('stage')}</dt>
          <dd data-testid="stage">{nameOf(STAGES, c.stage, lang)}</dd>
          <dt>{t('acceptedAt')}</dt>
          <dd>{formatInstant(c.acceptedAt, lang)}</dd>
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
      {user.role === 'credit_approver' && c.stage === 'DISBURSEMENT_HELD' && c.disbursementHold ? (
        <section className="card">
          <HeldDisbursement c={c} onChange={setUpdated} />
        </section>
      ) : null}
      {user.role === 'credit_approver' && c.stage === 'DISBURSING' && c.contract ? (
        <section className="card">
          <CancelContractForm c={c} onChange={setUpdated} />
        </section>
      ) : null}
      {(open || c.stage === 'CONTRACT_CANCELLED') && ['case_officer', 'task_force'].includes(user.role) ? (
        <section className="card">
          <WithdrawForm c={c} onChange={setUpdated} />
        </section>
      ) : null}

      <Timeline events={c.events} />
    </article>
  );
}

/** A case of another product (sci-tech): its facts, timeline and workflow; acted on elsewhere. */
function OtherProduct({ c }: { c: Exclude<AnyCaseView, CaseView> }) {
  const { t, lang } = useI18n();
  return (
    <article className="case" data-case={c.id}>
      <CaseCard c={c}>
        <p>
          {c.product} · {c.firm.name} · {nameOf(STAGES, c.stage, lang)} · {t('dueAt')} {formatInstant(c.dueAt, lang)}
        </p>
      </CaseCard>
      <Timeline events={c.events} />
    </article>
  );
}

/** The case number with its SLA state, what `children` tell, and the workflow in Temporal UI. */
function CaseCard({ c, children }: { c: AnyCaseView; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>
        {c.id} <SlaBadge state={c.slaState} />
      </h1>
      {/* The API served the stored record: the workflow is gone (retention) or no worker answered. */}
      {c.live ? null : (
        <p className="muted" data-testid="from-record">
          {t('fromRecord')}
        </p>
      )}
      {children}
      <a href={c.temporalUi} target="_blank" rel="noreferrer">
        {t('temporalUi')}
      </a>
    </section>
  );
}

export function Timeline({ events }: { events: readonly { type: string; actor: string; at: string; data: unknown }[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="card">
      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {events.map((e, i) => (
          <li key={i}>
            <time>{formatInstant(e.at, lang)}</time> <strong>{e.type}</strong> <span className="muted">{e.actor}</span>
            {typeof (e.data as { text?: unknown } | null)?.text === 'string' ? <p>{half((e.data as { text: string }).text, lang)}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
