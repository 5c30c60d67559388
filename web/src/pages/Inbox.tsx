// The user's work, soonest due first, as GET /tasks lists it: open branches assigned to them, and
// for a bank's credit approver the cases waiting for a decision or holding a payment the bank
// reported at another amount. AT_RISK and BREACHED stand out.
// Each listed case is read once more for its live view, which the actions need (pauses, branches).
import { useState } from 'react';
import { api, type CaseTask, type CaseView, type TaskList } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { nameOf, STAGES, TASKS } from '../labels';
import { Link } from '../router';
import { DecisionForm, HeldDisbursement, TaskActions } from './caseActions';

interface Item {
  c: CaseView;
  /** The branch; undefined for the bank's work on the case itself (its `kind`). */
  task?: CaseTask;
  kind: string;
  due: string;
  slaState: string;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return out;
}

async function loadInbox(): Promise<Item[]> {
  // The console acts on fast-track cases only; sci-tech reviews are decided through the API.
  const work = (await api<TaskList>('/tasks?limit=50')).items.filter((w) => w.product === 'FAST_TRACK');
  const views = await mapLimit([...new Set(work.map((w) => w.caseId))], 6, (id) => api<CaseView>(`/cases/${id}`));
  const byId = new Map(views.map((c) => [c.id, c]));
  return work.map((w) => {
    const c = byId.get(w.caseId)!;
    // Undefined for a decision: the case itself is the work.
    const task = c.tasks.find((t) => t.kind === w.kind);
    return { c, task, kind: w.kind, due: task?.dueAt ?? w.dueAt ?? c.acceptedAt, slaState: task?.slaState ?? w.slaState };
  });
}

export function Inbox({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(loadInbox, [user.sub]);
  const [done, setDone] = useState<Record<string, CaseView>>({});
  if (!loaded.data) return <Loading {...loaded} />;
  const items = loaded.data;
  return (
    <section className="card">
      <h1>{t('inboxTitle')}</h1>
      {items.length === 0 ? <p className="muted">{t('inboxEmpty')}</p> : null}
      <ul className="inbox">
        {items.map(({ c, task, kind, due, slaState }) => {
          const held = kind === 'DISBURSEMENT_HELD';
          const key = `${c.id}:${task?.kind ?? (held ? 'held' : 'decision')}`;
          const after = done[key];
          const stillOpen = !after || (task ? after.tasks.find((x) => x.kind === task.kind)?.status === 'OPEN' : after.stage === c.stage);
          const onChange = (v: CaseView) => setDone({ ...done, [key]: v });
          return (
            <li key={key} className={`inbox-item sla-${slaState}`} data-case={c.id} data-task={task?.kind ?? (held ? kind : 'DECISION')}>
              <div className="inbox-head">
                <Link to={`/cases/${c.id}`}>{c.id}</Link>
                <strong>{task ? nameOf(TASKS, task.kind, lang) : held ? nameOf(STAGES, kind, lang) : t('decideItem')}</strong>
                <SlaBadge state={slaState} />
                <span>
                  {t('due')}: {formatInstant(due, lang)}
                </span>
              </div>
              <p className="muted">
                {c.firm.name} · {Number(c.amount).toLocaleString(lang)} · {lang === 'en' ? c.street.nameEn : c.street.nameZh}
              </p>
              {!stillOpen ? (
                <p className="ok" data-testid="item-done">
                  {t('done')}
                </p>
              ) : task ? (
                <TaskActions c={after ?? c} task={after?.tasks.find((x) => x.kind === task.kind) ?? task} user={user} onChange={onChange} />
              ) : held ? (
                <HeldDisbursement c={c} onChange={onChange} />
              ) : (
                <DecisionForm c={c} onChange={onChange} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
