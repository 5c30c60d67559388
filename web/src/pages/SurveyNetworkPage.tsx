// 摸排网络: a street's communities with their three-seat visiting teams and commercial buildings,
// and the banks with their branches and the streets they are stationed at. The network's keepers
// (task force, its survey group, operators) add or change a community, building, team, bank or
// branch here (NetworkForms.tsx), and load banks from a CSV.
import { useState } from 'react';
import { NETWORK_KEEPERS } from '../../../domain/surveyNetwork';
import { api, type BankList, type NetworkCommunity } from '../api';
import type { SessionUser } from '../auth/session';
import { Loading, useLoad } from '../components';
import { useI18n } from '../i18n';
import { nameOf, placeName, SEATS } from '../labels';
import { Link } from '../router';
import { BankForm, BranchForm, BuildingForm, CommunityForm, TeamForm } from './NetworkForms';
import { loadNetwork, type NetworkNames } from './surveyParts';


export function SurveyNetworkPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([loadNetwork(), api<BankList>('/banks')]), []);
  const [street, setStreet] = useState(user.street ?? 'lujiang');
  const [adding, setAdding] = useState(false);
  if (!loaded.data) return <Loading {...loaded} />;
  const [names, banks] = loaded.data;
  const communities = names.communities.filter((c) => c.street === street);
  const mayEdit = (NETWORK_KEEPERS as readonly string[]).includes(user.role);
  return (
    <>
      <section className="card">
        <h1>{t('networkTitle')}</h1>
        <div className="range" role="search">
          <label>
            {t('street')}
            <select id="network-street" value={street} onChange={(e) => setStreet(e.target.value)}>
              {names.streets.map((s) => (
                <option key={s.code} value={s.code}>
                  {lang === 'en' ? s.nameEn : s.nameZh}
                </option>
              ))}
            </select>
          </label>
        </div>
        {mayEdit && !adding ? <button onClick={() => setAdding(true)}>{t('addCommunity')}</button> : null}
        {adding ? <CommunityForm key={street} street={street} onDone={done(() => setAdding(false), loaded.reload)} /> : null}
        {communities.length === 0 ? <p className="muted">{t('noCommunities')}</p> : null}
        {communities.map((c) => (
          <Community key={c.code} community={c} banks={banks.items} mayEdit={mayEdit} onChanged={loaded.reload} />
        ))}
      </section>
      <Banks banks={banks.items} names={names} mayEdit={mayEdit} onChanged={loaded.reload} />
    </>
  );
}

/** A form's end: close it, and reload what it changed. */
const done = (close: () => void, reload: () => void) => (changed: boolean) => {
  close();
  if (changed) reload();
};

function EditButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {' '}
      <button className="link" onClick={onClick} aria-label={`${t('edit')} ${what}`}>
        {t('edit')}
      </button>
    </>
  );
}

const Retired = ({ at }: { at: string | null }) => {
  const { t } = useI18n();
  return at ? <span className="badge retired">{t('retired')}</span> : null;
};

function Community({ community, banks, mayEdit, onChanged }: { community: NetworkCommunity; banks: BankList['items']; mayEdit: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const named = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  // The community, team or building being changed, by its code.
  const [editing, setEditing] = useState<string>();
  const closed = done(() => setEditing(undefined), onChanged);
  return (
    <article className="community" data-community={community.code}>
      <h2>
        {named(community)} <span className="muted">{community.code}</span> <Retired at={community.retiredAt} />
        {mayEdit && editing !== community.code ? <EditButton what={named(community)} onClick={() => setEditing(community.code)} /> : null}
      </h2>
      {editing === community.code ? <CommunityForm community={community} street={community.street} onDone={closed} /> : null}
      <h3>{t('visitTeams')}</h3>
      <ul className="teams">
        {community.teams.map((tm) => (
          <li key={tm.code} data-team={tm.code}>
            <strong>{named(tm)}</strong> <Retired at={tm.retiredAt} />
            {mayEdit && editing !== tm.code ? <EditButton what={named(tm)} onClick={() => setEditing(tm.code)} /> : null}
            <ul className="members">
              {tm.members.map((m) => (
                <li key={m.seat}>
                  <span className="muted">{nameOf(SEATS, m.seat, lang)}</span> {m.name}
                  {m.bank ? ` · ${placeName(banks, m.bank, lang)}` : ''}
                  {m.organisation ? ` · ${m.organisation}` : ''}
                </li>
              ))}
            </ul>
            {editing === tm.code ? <TeamForm team={tm} banks={banks} onDone={closed} /> : null}
          </li>
        ))}
      </ul>
      <h3>{t('buildings')}</h3>
      <ul className="network-buildings">
        {community.buildings.map((b) => (
          <li key={b.code} data-building={b.code}>
            <strong>{named(b)}</strong> <Retired at={b.retiredAt} />
            <br />
            <span className="muted">
              {b.address} · {b.team ? placeName(community.teams, b.team, lang) : t('noTeam')}
            </span>
            {mayEdit && editing !== b.code ? <EditButton what={named(b)} onClick={() => setEditing(b.code)} /> : null}
            {editing === b.code ? <BuildingForm building={b} community={community} onDone={closed} /> : null}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The banks, their branches and the streets each branch's customer managers are stationed at; the keepers add or change them. */
function Banks({ banks, names, mayEdit, onChanged }: { banks: BankList['items']; names: NetworkNames; mayEdit: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const named = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  // What is being added or changed: a bank (code, or 'new'), or a branch of a bank (code, or 'new').
  const [editing, setEditing] = useState<{ bank: string; branch?: string }>();
  const closed = done(() => setEditing(undefined), onChanged);
  const editingBank = banks.find((b) => b.code === editing?.bank);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('banksAndBranches')}</h2>
        {mayEdit ? (
          <span className="buttons">
            <button onClick={() => setEditing({ bank: 'new' })}>{t('addBank')}</button>
            <Link to="/survey-network/bank-import" className="button">
              {t('bankImport')}
            </Link>
          </span>
        ) : null}
      </div>
      {editing && editing.branch === undefined ? <BankForm key={editing.bank} bank={editingBank} onDone={closed} /> : null}
      {editing?.branch !== undefined && editingBank ? (
        <BranchForm key={editing.branch} bank={editingBank.code} branch={editingBank.branches.find((br) => br.code === editing.branch)} streets={names.streets} onDone={closed} />
      ) : null}
      <table className="responsive" data-testid="banks">
        <thead>
          <tr>
            <th>{t('bank')}</th>
            <th>{t('branch')}</th>
            <th>{t('stationedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {banks.flatMap((b) =>
            (b.branches.length ? b.branches : [null]).map((br, i) => (
              <tr key={`${b.code}-${br?.code ?? ''}`} data-bank={b.code} data-branch={br?.code}>
                <td data-label={t('bank')}>
                  {i === 0 ? (
                    <>
                      {named(b)} <Retired at={b.retiredAt} />
                      {mayEdit ? <EditButton what={named(b)} onClick={() => setEditing({ bank: b.code })} /> : null}
                      {mayEdit ? (
                        <>
                          {' '}
                          <button className="link" onClick={() => setEditing({ bank: b.code, branch: 'new' })} aria-label={`${t('addBranch')} ${named(b)}`}>
                            {t('addBranch')}
                          </button>
                        </>
                      ) : null}
                    </>
                  ) : null}
                </td>
                <td data-label={t('branch')}>
                  {br ? named(br) : '—'} {br ? <Retired at={br.retiredAt} /> : null}
                  {br && mayEdit ? <EditButton what={named(br)} onClick={() => setEditing({ bank: b.code, branch: br.code })} /> : null}
                </td>
                <td data-label={t('stationedAt')}>{br?.stations.length ? br.stations.map((s) => placeName(names.streets, s, lang)).join('、') : '—'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
