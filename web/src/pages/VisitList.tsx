// 走访清单: the buildings on the caller's list (a team's, a community's, a street's, the
// district's, narrowed by filters), each with the firms found in it and their latest visit, and
// the totals. A building's own page adds a firm found on site; a team member records a visit
// from a firm's row. A building outside the caller's list does not exist for them (404).
import { useState, type FormEvent } from 'react';
import { FIRM_FINDERS } from '../../../domain/surveyNetwork';
import { api, newIdempotencyKey, type SurveyFirmView, type VisitListBuilding, type VisitListView } from '../api';
import type { SessionUser } from '../auth/session';
import { Field, Figures, formErrorOf, Loading, ProblemMessage, useLoad, useSubmission } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { useI18n } from '../i18n';
import { requestErrors, SurveyFirmBody } from '../requestRules';
import { Link } from '../router';
import { LastVisit, loadNetwork, ScreenedFirm, ReachFilters, reachQuery, useNetworkName, useReach, type NetworkNames } from './surveyParts';

const mayAddFirms = (user: SessionUser) => (FIRM_FINDERS as readonly string[]).includes(user.role);

export function VisitList({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const [reach, setReach] = useReach(user);
  const names = useLoad(loadNetwork, []);
  const list = useLoad(() => api<VisitListView>(`/visit-list?${reachQuery(reach)}`), [reach.street, reach.community, reach.team]);
  return (
    <section className="card">
      <h1>{t('visitListTitle')}</h1>
      {names.data && user.role !== 'visit_team_member' ? (
        <div className="range" role="search">
          <ReachFilters user={user} reach={reach} onChange={setReach} names={names.data} />
        </div>
      ) : null}
      {list.data ? (
        <>
          <Totals totals={list.data.totals} />
          {list.data.items.length === 0 ? <p className="muted">{t('noBuildings')}</p> : null}
          {list.data.items.map((item) => (
            <BuildingFirms key={item.building.code} item={item} user={user} names={names.data} linkBuilding />
          ))}
          <ScreenedFirms firms={list.data.screening} />
        </>
      ) : (
        <Loading {...list} />
      )}
    </section>
  );
}

function Totals({ totals }: { totals: VisitListView['totals'] }) {
  const { t } = useI18n();
  return <Figures testId="visit-totals" items={(['buildings', 'firms', 'visited', 'needsFound'] as const).map((k) => ({ key: k, label: t(`total_${k}`), value: totals[k] }))} />;
}

/** The screening track: firms the model flagged within the list's reach, each with its reasons. */
function ScreenedFirms({ firms }: { firms: VisitListView['screening'] }) {
  const { t } = useI18n();
  if (firms.length === 0) return null;
  return (
    <>
      <h2>{t('screeningTrack')}</h2>
      <ul className="screened" data-testid="screened-firms">
        {firms.map((f) => (
          <ScreenedFirm key={f.id} firm={f} />
        ))}
      </ul>
    </>
  );
}

/** One building of the list: where it is, whose list it is on, and its firms with their latest visit. */
function BuildingFirms({ item, user, names, linkBuilding }: { item: VisitListBuilding; user: SessionUser; names?: NetworkNames; linkBuilding?: boolean }) {
  const { t, lang } = useI18n();
  const name = useNetworkName(names);
  const { building, firms } = item;
  const title = lang === 'en' ? building.nameEn : building.nameZh;
  return (
    <article className="building" data-building={building.code}>
      <div className="card-head">
        <h2>{linkBuilding ? <Link to={`/visit-list/buildings/${building.code}`}>{title}</Link> : title}</h2>
        {linkBuilding && mayAddFirms(user) ? (
          <Link to={`/visit-list/buildings/${building.code}`} className="button">
            {t('addFirm')}
          </Link>
        ) : null}
      </div>
      <p className="muted">
        {building.address} · {name.street(building.street)} · {name.community(building.community)} · {building.team ? name.team(building.team) : t('noTeam')}
      </p>
      {firms.length === 0 ? (
        <p className="muted">{t('noFirmsYet')}</p>
      ) : (
        <ul className="firms">
          {firms.map((f) => (
            <FirmRow key={f.id} firm={f} user={user} />
          ))}
        </ul>
      )}
    </article>
  );
}

function FirmRow({ firm, user }: { firm: SurveyFirmView; user: SessionUser }) {
  const { t } = useI18n();
  return (
    <li data-firm={firm.id}>
      <div>
        <strong>{firm.name}</strong>
        {firm.unit ? <span className="muted"> · {firm.unit}</span> : null}
      </div>
      <div className="muted code">{firm.creditCode}</div>
      <div className="firm-foot">
        <span data-testid="last-visit">
          <LastVisit last={firm.lastVisit} />
        </span>
        {user.role === 'visit_team_member' ? (
          <Link to={`/visit-list/firms/${firm.id}`} className="button">
            {t('recordVisit')}
          </Link>
        ) : null}
      </div>
    </li>
  );
}

/** One building of the caller's list, with the form adding a firm found there. */
export function BuildingPage({ user, code }: { user: SessionUser; code: string }) {
  const { t } = useI18n();
  const names = useLoad(loadNetwork, []);
  const list = useLoad(() => api<VisitListView>('/visit-list'), []);
  if (!list.data) return <Loading {...list} />;
  const item = list.data.items.find((i) => i.building.code === code);
  return (
    <section className="card">
      <p>
        <Link to="/visit-list">← {t('visitListTitle')}</Link>
      </p>
      {item ? (
        <>
          <BuildingFirms item={item} user={user} names={names.data} />
          {mayAddFirms(user) ? <AddFirm building={code} onAdded={list.reload} /> : null}
        </>
      ) : (
        <NotOnList />
      )}
    </section>
  );
}

/** What the API answers for a building, firm or visit outside the caller's reach: 404, said as such. */
export function NotOnList() {
  const { t } = useI18n();
  return (
    <p className="problem" role="alert" data-problem="not-found">
      <strong>{t('problem:not-found')}</strong> — {t('notOnYourList')}
    </p>
  );
}

const EMPTY_FIRM = { name: '', creditCode: '', unit: '' };

function AddFirm({ building, onAdded }: { building: string; onAdded: () => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState(EMPTY_FIRM);
  const [touched, setTouched] = useState(false);
  const [added, setAdded] = useState<SurveyFirmView>();
  const { error, busy, submit: send } = useSubmission();
  const creditCode = form.creditCode.trim();
  const confirmation = useCreditCodeConfirmation(creditCode, error);
  const body = { name: form.name, creditCode, ...(form.unit.trim() ? { unit: form.unit } : {}), confirmCreditCodeWarnings: confirmation.confirms };
  const errors = requestErrors(SurveyFirmBody, body);
  const errorOf = formErrorOf(errors, touched, error, t, lang);
  const set = (k: keyof typeof EMPTY_FIRM) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length || confirmation.missing) return;
    await send(async () => {
      setAdded(await api<SurveyFirmView>(`/survey-network/buildings/${building}/firms`, { method: 'POST', body, idempotencyKey: newIdempotencyKey() }));
      setForm(EMPTY_FIRM);
      setTouched(false);
      confirmation.setConfirmed(false);
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="action" aria-labelledby="add-firm-title">
      <h2 id="add-firm-title">{t('addFirmTitle')}</h2>
      {added ? (
        <p className="ok" role="status" data-testid="firm-added">
          {t('firmAdded', { name: added.name })}
        </p>
      ) : null}
      <Field label={t('firmName')} htmlFor="firmName" error={errorOf('name')}>
        <input id="firmName" value={form.name} onChange={set('name')} autoComplete="organization" />
      </Field>
      <Field label={t('creditCode')} htmlFor="creditCode" error={errorOf('creditCode')}>
        <input id="creditCode" value={form.creditCode} onChange={set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
      </Field>
      <CreditCodeConfirmation state={confirmation} touched={touched} />
      <Field label={t('firmUnit')} htmlFor="unit" error={errorOf('unit')}>
        <input id="unit" value={form.unit} onChange={set('unit')} />
      </Field>
      <ProblemMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('submitting') : t('addFirm')}
      </button>
    </form>
  );
}
