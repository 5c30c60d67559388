// The user's work, soonest due first, as GET /tasks lists it: open branches assigned to them, and
// for a bank's credit approver the cases waiting for a decision or holding a payment the bank
// reported at another amount (a sci-tech case links to its page: the score's factors and its
// later actions are there). AT_RISK and BREACHED stand out.
// Each listed case is read once more for its live view, which the actions need (pauses, branches).
import { useState } from 'react';
import { api, type AnyCaseView, type CaseTask, type CaseView, type SciTechCaseView, type TaskList } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, SlaBadge, useLoad } from '../components';
import { formatInstant, formatYuan } from '../format';
import { useI18n } from '../i18n';
import { BANDS, nameOf, STAGES, TASKS } from '../labels';
import { Link } from '../router';
import { DecisionForm, HeldDisbursement, TaskActions } from './caseActions';
import { TimeLeft } from './TimeLeft';

interface Item {
  c: AnyCaseView;
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

/** The page grows by this much (GET /tasks answers at most 200, soonest due first). */
const PAGE = 50;
const MAX_LIMIT = 200;

async function loadInbox(limit: number): Promise<{ items: Item[]; truncated: boolean }> {
  const { items: work, truncated } = await api<TaskList>(`/tasks?limit=${limit}`);
  const views = await mapLimit([...new Set(work.map((w) => w.caseId))], 6, (id) => api<AnyCaseView>(`/cases/${id}`));
  const byId = new Map(views.map((c) => [c.id, c]));
  const items = work.map((w) => {
    const c = byId.get(w.caseId)!;
    // Undefined for a decision: the case itself is the work.
    const task = 'tasks' in c ? c.tasks.find((t) => t.kind === w.kind) : undefined;
    return { c, task, kind: w.kind, due: task?.dueAt ?? w.dueAt ?? c.acceptedAt, slaState: task?.slaState ?? w.slaState };
  });
  return { items, truncated };
}

export function Inbox({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const loaded = useLoad(() => loadInbox(limit), [user.sub, limit]);
  const [done, setDone] = useState<Record<string, CaseView>>({});
  if (!loaded.data) return <Loading {...loaded} />;
  const { items, truncated } = loaded.data;
  return (
    <section className="card">
      <h1>{t('inboxTitle')}</h1>
      {items.length === 0 ? <p className="muted">{t('inboxEmpty')}</p> : null}
      <ul className="inbox">
        {items.map(({ c, task, kind, due, slaState }) => {
          if (!('tasks' in c)) return <SciTechItem key={`${c.id}:${kind}`} c={c} kind={kind} slaState={slaState} />;
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
                // A fast-track case here: its answer is a fast-track view too.
                <HeldDisbursement c={c} onChange={(v) => onChange(v as CaseView)} />
              ) : (
                <DecisionForm c={c} onChange={onChange} />
              )}
            </li>
          );
        })}
      </ul>
      {truncated && limit < MAX_LIMIT ? (
        <button type="button" data-testid="inbox-more" onClick={() => setLimit(Math.min(limit + PAGE, MAX_LIMIT))}>
          {t('inboxMore', { n: items.length })}
        </button>
      ) : truncated ? (
        <p className="muted">{t('inboxCapped', { n: items.length })}</p>
      ) : null}
    </section>
  );
}

/**
 * A sci-tech case waiting for the approver (its score and the 48 hours left) or holding a payment:
 * decided or resolved on its page.
 */
function SciTechItem({ c, kind, slaState }: { c: SciTechCaseView; kind: string; slaState: string }) {
  const { t, lang } = useI18n();
  return (
    <li className={`inbox-item sla-${slaState}`} data-case={c.id} data-task={kind === 'DISBURSEMENT_HELD' ? kind : 'SCI_TECH_REVIEW'}>
      <div className="inbox-head">
        <Link to={`/cases/${c.id}`}>{c.id}</Link>
        <strong>{kind === 'DISBURSEMENT_HELD' ? nameOf(STAGES, kind, lang) : t('sciTechItem')}</strong>
        <SlaBadge state={slaState} />
        <span>
          {t('promise48')}: {formatInstant(c.dueAt, lang)} {c.dueAt ? <TimeLeft days={[]} due={c.dueAt} calendarHours /> : null}
        </span>
      </div>
      <p className="muted">
        {c.firm.name} · {formatYuan(c.amountFen)} · {lang === 'en' ? c.street.nameEn : c.street.nameZh}
      </p>
      <p>
        {c.scoring ? <span data-testid="score-band">{t('scoreBand', { score: c.scoring.score, band: nameOf(BANDS, c.scoring.band, lang) })}</span> : null}{' '}
        <Link to={`/cases/${c.id}`} className="review-link">
          {t('reviewAndDecide')}
        </Link>
      </p>
    </li>
  );
}
