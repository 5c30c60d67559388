// 走访记录: the visits within the caller's reach, newest first, narrowed by place and outcome;
// each reads as a card (the record-visit confirmation shows one the same way).
import { useState } from 'react';
import { api, query, type BankList, type VisitList, type VisitView } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, useLoad } from '../components';
import { formatInstant } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { loadNetwork, NeedFacts, OutcomeBadge, ReachFilters, useNetworkName, useReach, type NetworkNames } from './surveyParts';

export function Visits({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const [reach, setReach] = useReach(user);
  const [outcome, setOutcome] = useState('');
  const names = useLoad(loadNetwork, []);
  const banks = useLoad(() => api<BankList>('/banks'), []);
  // GET /visits narrows by street and team (not by community: a coordinator's reach is theirs).
  const visits = useLoad(() => api<VisitList>(`/visits?${query({ street: reach.street, team: reach.team, outcome, limit: 100 })}`), [reach.street, reach.team, outcome]);
  const items = visits.data?.items;
  return (
    <section className="card">
      <h1>{t('visitsTitle')}</h1>
      <div className="range" role="search">
        {names.data ? <ReachFilters user={user} reach={reach} onChange={setReach} names={names.data} byCommunity={false} /> : null}
        <label>
          {t('visitOutcome')}
          <select id="filter-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t('allOf')}</option>
            <option value="NEED_FOUND">{t('outcomeNeedFound')}</option>
            <option value="NO_NEED">{t('outcomeNoNeed')}</option>
          </select>
        </label>
      </div>
      {items ? (
        items.length === 0 ? (
          <p className="muted">{t('noVisits')}</p>
        ) : (
          <ul className="visits">
            {items.map((v) => (
              <li key={v.id}>
                <VisitCard visit={v} names={names.data} banks={banks.data?.items ?? []} />
              </li>
            ))}
          </ul>
        )
      ) : (
        <Loading {...visits} />
      )}
    </section>
  );
}

/** One visit: the firm, where and when, by whom, and what was found. */
export function VisitCard({ visit, names, banks }: { visit: VisitView; names?: NetworkNames; banks: BankList['items'] }) {
  const { t, lang } = useI18n();
  const name = useNetworkName(names);
  return (
    <article className="visit" data-visit={visit.id}>
      <div className="card-head">
        <strong>{visit.firm.name}</strong>
        <OutcomeBadge outcome={visit.outcome} />
      </div>
      <p className="muted">
        {formatInstant(visit.visitedAt, lang)} · {name.community(visit.community)} · {name.team(visit.team)} · {visit.visitedBy}
      </p>
      {visit.need ? <NeedFacts need={visit.need} banks={banks} /> : null}
      {visit.note ? <p className="note">{visit.note}</p> : null}
      {visit.lead ? (
        <p data-testid="visit-lead">
          {t('lead')}: <Link to={`/leads/${visit.lead}`}>{visit.lead}</Link>
        </p>
      ) : null}
    </article>
  );
}
