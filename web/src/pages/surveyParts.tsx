// Pieces the survey screens share: the network's names for codes, the reach filters (street,
// community, team) a wider role narrows its list with, a financing need's facts, and a firm's latest visit.
import { useState } from 'react';
import { formatWan } from '../../../domain/money';
import { api, query, type BankList, type NetworkCommunity, type ScreenedFirmView, type StreetList, type SurveyNetwork, type VisitView } from '../api';
import type { SessionUser } from '../auth/session';
import { formatInstant, formatYuan } from '../format';
import { useI18n } from '../i18n';
import { nameOf, placeName, SIGNALS, URGENCIES, VISIT_OUTCOMES } from '../labels';

/** The survey network and the streets, for names and filters. */
export async function loadNetwork() {
  const [network, streets] = await Promise.all([api<SurveyNetwork>('/survey-network'), api<StreetList>('/streets')]);
  return { communities: network.communities, streets: streets.items };
}
export type NetworkNames = Awaited<ReturnType<typeof loadNetwork>>;

/** Every team of the network, with its community. */
export const teamsOf = (communities: readonly NetworkCommunity[]) => communities.flatMap((c) => c.teams);

/** The reach the caller may narrow: a team member's list is one team's, so they get no filter. */
export interface Reach {
  street: string;
  community: string;
  team: string;
}

/** The filters a role narrows its reach with (none for a team member), starting at its own street or community. */
export function useReach(user: SessionUser): [Reach, (r: Reach) => void] {
  return useState<Reach>({ street: user.street ?? '', community: user.community ?? '', team: '' });
}

export const reachQuery = (r: Reach) => query({ street: r.street, community: r.community, team: r.team });

/** The street, community (unless `byCommunity` is false) and team selects, inside the caller's own `.range`. */
export function ReachFilters({ user, reach, onChange, names, byCommunity = true }: { user: SessionUser; reach: Reach; onChange: (r: Reach) => void; names: NetworkNames; byCommunity?: boolean }) {
  const { t } = useI18n();
  if (user.role === 'visit_team_member') return null;
  const communities = names.communities.filter((c) => !c.retiredAt && (!reach.street || c.street === reach.street));
  const teams = teamsOf(communities).filter((tm) => !tm.retiredAt && (!reach.community || tm.community === reach.community));
  return (
    <>
      {user.street ? null : <Choice id="filter-street" label={t('street')} value={reach.street} options={names.streets} onChange={(street) => onChange({ street, community: '', team: '' })} />}
      {user.community || !byCommunity ? null : <Choice id="filter-community" label={t('community')} value={reach.community} options={communities} onChange={(community) => onChange({ ...reach, community, team: '' })} />}
      <Choice id="filter-team" label={t('visitTeam')} value={reach.team} options={teams} onChange={(team) => onChange({ ...reach, team })} />
    </>
  );
}

/** One filter: any (全部) or one of the named entries. */
function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly { code: string; nameZh: string; nameEn: string }[]; onChange: (code: string) => void }) {
  const { t, lang } = useI18n();
  return (
    <label>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('allOf')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {lang === 'en' ? o.nameEn : o.nameZh}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A community's or team's name by its code (the code when the network does not know it). */
export function useNetworkName(names: NetworkNames | undefined) {
  const { lang } = useI18n();
  return {
    street: (code: string) => placeName(names?.streets ?? [], code, lang),
    community: (code: string) => placeName(names?.communities ?? [], code, lang),
    team: (code: string) => placeName(teamsOf(names?.communities ?? []), code, lang),
  };
}

/** A financing need as a visit found it (a lead shows the same): 万元 first, then the exact yuan. */
export function NeedFacts({ need, banks }: { need: NonNullable<VisitView['need']>; banks: BankList['items'] }) {
  const { t, lang } = useI18n();
  return (
    <dl className="facts" data-testid="need">
      <dt>{t('needAmount')}</dt>
      <dd>
        <span data-testid="need-amount">{formatWan(need.amountFen)}</span> <span className="muted">{t('inYuan', { n: formatYuan(need.amountFen) })}</span>
      </dd>
      <dt>{t('purpose')}</dt>
      <dd>{need.purpose}</dd>
      <dt>{t('urgency')}</dt>
      <dd>{nameOf(URGENCIES, need.urgency, lang)}</dd>
      <dt>{t('collateral')}</dt>
      <dd>{need.collateral ?? t('none')}</dd>
      <dt>{t('patentsHeld')}</dt>
      <dd>{need.patents}</dd>
      {need.refusedBy ? (
        <>
          <dt>{t('refusedByBank')}</dt>
          <dd>
            {placeName(banks, need.refusedBy.bank, lang)}: {need.refusedBy.reason}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { lang } = useI18n();
  return <span className={`badge outcome-${outcome}`}>{nameOf(VISIT_OUTCOMES, outcome, lang)}</span>;
}

/** A firm's latest visit: its outcome and when, or that nobody has visited it yet. */
export function LastVisit({ last }: { last: { visitedAt: string; outcome: string } | null }) {
  const { t, lang } = useI18n();
  if (!last) return <span className="muted">{t('notVisited')}</span>;
  return (
    <span>
      <OutcomeBadge outcome={last.outcome} /> <span className="muted">{formatInstant(last.visitedAt, lang)}</span>
    </span>
  );
}

/** A firm screening flagged: its points, and each signal with the input against the threshold it reached, Chinese first. */
export function ScreenedFirm({ firm }: { firm: Pick<ScreenedFirmView, 'name' | 'creditCode' | 'building' | 'points' | 'reasons'> }) {
  const { t, lang } = useI18n();
  return (
    <li data-firm={firm.creditCode}>
      <strong>{firm.name}</strong> <span className="badge sla-AT_RISK">{t('points', { n: firm.points })}</span>
      <div className="muted code">
        {firm.creditCode}
        {firm.building ? ` · ${firm.building}` : ''}
      </div>
      <ul className="reasons">
        {firm.reasons.map((r) => (
          <li key={r.signal} data-signal={r.signal}>
            <strong>{nameOf(SIGNALS, r.signal, lang)}</strong> <span className="muted">+{r.points}</span>
            <br />
            {r.text}
          </li>
        ))}
      </ul>
    </li>
  );
}
