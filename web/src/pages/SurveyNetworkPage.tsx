// 摸排网络: a street's communities with their three-seat visiting teams and commercial buildings,
// and the banks with their branches and the streets they are stationed at. The network's keepers
// (task force, its survey group, operators) change a building here: its names, address, the team
// whose list it is on, or retire it (nothing is deleted; the API refuses what would break a record).
import { useState, type FormEvent } from 'react';
import { api, type BankList, type NetworkCommunity } from '../api';
import type { SessionUser } from '../auth/session';
import { Field, formErrorOf, Loading, ProblemMessage, useLoad, useSubmission } from '../components';
import { useI18n } from '../i18n';
import { nameOf, placeName, SEATS } from '../labels';
import { BuildingBody, requestErrors } from '../requestRules';
import { loadNetwork, type NetworkNames } from './surveyParts';

/** Who keeps the network (the API's NETWORK_KEEPERS). */
const KEEPERS: readonly string[] = ['task_force', 'survey_officer', 'operator'];

export function SurveyNetworkPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([loadNetwork(), api<BankList>('/banks')]), []);
  const [street, setStreet] = useState(user.street ?? 'lujiang');
  if (!loaded.data) return <Loading {...loaded} />;
  const [names, banks] = loaded.data;
  const communities = names.communities.filter((c) => c.street === street);
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
        {communities.length === 0 ? <p className="muted">{t('noCommunities')}</p> : null}
        {communities.map((c) => (
          <Community key={c.code} community={c} banks={banks.items} mayEdit={KEEPERS.includes(user.role)} onChanged={loaded.reload} />
        ))}
      </section>
      <Banks banks={banks.items} names={names} />
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
  const [editing, setEditing] = useState<string>();
  return (
    <article className="community" data-community={community.code}>
      <h2>
        {named(community)} <span className="muted">{community.code}</span> <Retired at={community.retiredAt} />
      </h2>
      <h3>{t('visitTeams')}</h3>
      <ul className="teams">
        {community.teams.map((tm) => (
          <li key={tm.code} data-team={tm.code}>
            <strong>{named(tm)}</strong> <Retired at={tm.retiredAt} />
            <ul className="members">
              {tm.members.map((m) => (
                <li key={m.seat}>
                  <span className="muted">{nameOf(SEATS, m.seat, lang)}</span> {m.name}
                  {m.bank ? ` · ${placeName(banks, m.bank, lang)}` : ''}
                  {m.organisation ? ` · ${m.organisation}` : ''}
                </li>
              ))}
            </ul>
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
            {mayEdit && editing !== b.code ? (
              <>
                {' '}
                <button className="link" onClick={() => setEditing(b.code)} aria-label={`${t('edit')} ${named(b)}`}>
                  {t('edit')}
                </button>
              </>
            ) : null}
            {editing === b.code ? (
              <BuildingForm
                building={b}
                community={community}
                onDone={(changed) => {
                  setEditing(undefined);
                  if (changed) onChanged();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </article>
  );
}

type Building = NetworkCommunity['buildings'][number];

function BuildingForm({ building, community, onDone }: { building: Building; community: NetworkCommunity; onDone: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ nameZh: building.nameZh, nameEn: building.nameEn, address: building.address, team: building.team ?? '', retired: building.retiredAt !== null });
  const [touched, setTouched] = useState(false);
  const { error, busy, submit: send } = useSubmission();
  const body = { community: community.code, nameZh: form.nameZh, nameEn: form.nameEn, address: form.address, team: form.team || null, retired: form.retired };
  const errors = requestErrors(BuildingBody, body);
  const errorOf = formErrorOf(errors, touched, error, t, lang);
  const id = (field: string) => `building-${building.code}-${field}`;
  const set = (k: 'nameZh' | 'nameEn' | 'address' | 'team') => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length) return;
    await send(async () => {
      await api(`/survey-network/buildings/${building.code}`, { method: 'PUT', body });
      onDone(true);
    });
  };

  return (
    <form className="action" onSubmit={submit} noValidate data-testid="building-form">
      <Field label={t('nameZh')} htmlFor={id('nameZh')} error={errorOf('nameZh')}>
        <input id={id('nameZh')} value={form.nameZh} onChange={set('nameZh')} />
      </Field>
      <Field label={t('nameEn')} htmlFor={id('nameEn')} error={errorOf('nameEn')}>
        <input id={id('nameEn')} value={form.nameEn} onChange={set('nameEn')} />
      </Field>
      <Field label={t('address')} htmlFor={id('address')} error={errorOf('address')}>
        <input id={id('address')} value={form.address} onChange={set('address')} />
      </Field>
      <Field label={t('visitTeam')} htmlFor={id('team')} error={errorOf('team')}>
        <select id={id('team')} value={form.team} onChange={set('team')}>
          <option value="">{t('noTeam')}</option>
          {community.teams
            .filter((tm) => !tm.retiredAt || tm.code === building.team)
            .map((tm) => (
              <option key={tm.code} value={tm.code}>
                {lang === 'en' ? tm.nameEn : tm.nameZh}
              </option>
            ))}
        </select>
      </Field>
      <label className="check">
        <input id={id('retired')} type="checkbox" checked={form.retired} onChange={(e) => setForm({ ...form, retired: e.target.checked })} />
        {t('retireBuilding')}
      </label>
      <ProblemMessage error={error} />
      <p className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}

/** The banks, their branches and the streets each branch's customer managers are stationed at. */
function Banks({ banks, names }: { banks: BankList['items']; names: NetworkNames }) {
  const { t, lang } = useI18n();
  return (
    <section className="card">
      <h2>{t('banksAndBranches')}</h2>
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
              <tr key={`${b.code}-${br?.code ?? ''}`} data-bank={b.code}>
                <td data-label={t('bank')}>
                  {i === 0 ? (lang === 'en' ? b.nameEn : b.nameZh) : ''} {i === 0 ? <Retired at={b.retiredAt} /> : null}
                </td>
                <td data-label={t('branch')}>
                  {br ? (lang === 'en' ? br.nameEn : br.nameZh) : '—'} {br ? <Retired at={br.retiredAt} /> : null}
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
