// 走访清单: the buildings on the caller's list (a team's, a community's, a street's, the
// district's, narrowed by filters), each with the firms found in it and their latest visit, and
// the totals. A building's own page adds a firm found on site; a team member records a visit
// from a firm's row. A building outside the caller's list does not exist for them (404).
import { useState } from 'react';
import { FIRM_FINDERS } from '../../../domain/surveyNetwork';
import { api, type SurveyFirmView, type VisitListBuilding, type VisitListView } from '../api';
import type { SessionUser } from '../auth/session';
import { Figures, Loading, useLoad } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { useI18n } from '../i18n';
import { requestErrors, SurveyFirmBody } from '../requestRules';
import { Link } from '../router';
import { FormEnd, TextField, useCheckedForm } from './formParts';
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
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY_FIRM);
  const [added, setAdded] = useState<SurveyFirmView>();
  const creditCode = form.creditCode.trim();
  // The pilot code's confirmation is checked on its own: the schema defaults it to false.
  const body = { name: form.name, creditCode, ...(form.unit.trim() ? { unit: form.unit } : {}) };
  const { submit, error, busy, touched, errorOf } = useCheckedForm(requestErrors(SurveyFirmBody, body));
  const confirmation = useCreditCodeConfirmation(creditCode, error);
  const set = (k: keyof typeof EMPTY_FIRM) => (value: string) => setForm({ ...form, [k]: value });
  const add = async (idempotencyKey: string) => {
    const path = `/survey-network/buildings/${building}/firms`;
    setAdded(await api<SurveyFirmView>(path, { method: 'POST', body: { ...body, confirmCreditCodeWarnings: confirmation.confirms }, idempotencyKey }));
    setForm(EMPTY_FIRM);
    confirmation.setConfirmed(false);
    onAdded();
  };

  return (
    <form onSubmit={submit(add, confirmation.missing)} noValidate className="action" aria-labelledby="add-firm-title">
      <h2 id="add-firm-title">{t('addFirmTitle')}</h2>
      {added ? (
        <p className="ok" role="status" data-testid="firm-added">
          {t('firmAdded', { name: added.name })}
        </p>
      ) : null}
      <TextField id="firmName" label={t('firmName')} error={errorOf('name')} value={form.name} onChange={set('name')} autoComplete="organization" />
      <TextField id="creditCode" label={t('creditCode')} error={errorOf('creditCode')} value={form.creditCode} onChange={set('creditCode')} maxLength={18} autoCapitalize="characters" spellCheck={false} />
      <CreditCodeConfirmation state={confirmation} touched={touched} />
      <TextField id="unit" label={t('firmUnit')} error={errorOf('unit')} value={form.unit} onChange={set('unit')} />
      <FormEnd error={error} busy={busy} label={t('addFirm')} />
    </form>
  );
}
