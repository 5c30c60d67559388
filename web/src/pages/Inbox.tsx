// The user's work, soonest due first: open branches assigned to them, and for a bank's credit
// approver the cases waiting for a decision. AT_RISK and BREACHED stand out. Built from the
// case list and each case's view (the API has no per-assignee task list yet).
import { useState } from 'react';
import { api, query, type CaseListPage, type CaseTask, type CaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, SlaBadge, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { nameOf, TASKS } from '../labels';
import { Link } from '../router';
import { DecisionForm, TaskActions } from './caseActions';

interface Item {
  c: CaseView;
  task?: CaseTask;
  due: string;
  slaState: string;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return out;
}

async function loadInbox(user: SessionUser): Promise<Item[]> {
  const approver = user.role === 'credit_approver';
  const page = await api<CaseListPage>(`/cases?${query({ stage: approver ? 'CREDIT_DECISION' : 'PARALLEL_REVIEW', product: 'FAST_TRACK', limit: 50 })}`);
  const cases = await mapLimit(page.items, 6, (s) => api<CaseView>(`/cases/${s.id}`));
  const items: Item[] = approver
    ? cases.filter((c) => c.stage === 'CREDIT_DECISION').map((c) => ({ c, due: c.dueAt ?? c.acceptedAt, slaState: c.slaState }))
    : cases.flatMap((c) => c.tasks.filter((t) => t.assignee === user.sub && t.status === 'OPEN').map((task) => ({ c, task, due: task.dueAt, slaState: task.slaState })));
  return items.sort((a, b) => a.due.localeCompare(b.due));
}

export function Inbox({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => loadInbox(user), [user.sub]);
  const [done, setDone] = useState<Record<string, CaseView>>({});
  if (!loaded.data) return <Loading {...loaded} />;
  const items = loaded.data;
  return (
    <section className="card">
      <h1>{t('inboxTitle')}</h1>
      {items.length === 0 ? <p className="muted">{t('inboxEmpty')}</p> : null}
      <ul className="inbox">
        {items.map(({ c, task, due, slaState }) => {
          const key = `${c.id}:${task?.kind ?? 'decision'}`;
          const after = done[key];
          const stillOpen = !after || (task ? after.tasks.find((x) => x.kind === task.kind)?.status === 'OPEN' : after.stage === 'CREDIT_DECISION');
          const onChange = (v: CaseView) => setDone({ ...done, [key]: v });
          return (
            <li key={key} className={`inbox-item sla-${slaState}`} data-case={c.id} data-task={task?.kind ?? 'DECISION'}>
              <div className="inbox-head">
                <Link to={`/cases/${c.id}`}>{c.id}</Link>
                <strong>{task ? nameOf(TASKS, task.kind, lang) : t('decideItem')}</strong>
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
