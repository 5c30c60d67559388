// 银企对接会: the events the caller sees (the district's roles all, a bank's staff those their bank
// attends), scheduling one (the organisers: task force, survey group), an event's registered firms
// and each meeting's outcome (firm × bank): a note, or the firm's need in the visit's need fields,
// which opens a lead (linked). Scheduling and outcomes send one Idempotency-Key per form, so a
// double tap records once. Each form runs the API's own body schema first.
import { useState } from 'react';
import { EVENT_ORGANISERS, OUTCOME_RECORDERS } from '../../../domain/surveyNetwork';
import { ORGANISERS } from '../../../api/schemas/matchingEvents';
import { api, type BankList, type MatchingEventList, type MatchingEventView, type MatchingOutcomeView, type StreetList } from '../api';
import type { SessionUser } from '../auth/session';
import { BankSelect, Field, Loading, useLoad } from '../components';
import { CreditCodeConfirmation, useCreditCodeConfirmation } from '../creditCodeConfirmation';
import { formatInstant, formatYuan, shanghaiToday } from '../format';
import { useI18n } from '../i18n';
import { nameOf, placeName, type Names } from '../labels';
import { MatchingEventBody, MatchingOutcomeBody, MatchingRegistrationBody, requestErrors } from '../requestRules';
import { Link, navigate } from '../router';
import { CheckBox, CheckList, FormEnd, SelectField, TextField, useCheckedForm } from './formParts';
import { amountWanInvalid, EMPTY_NEED, needBody, NeedFields } from './RecordVisit';

const ORGANISER_NAMES: Names = { TASK_FORCE: ['专班', 'Task force'], SURVEY_GROUP: ['专班摸排走访组', 'Survey group'] };
const isOne = (roles: readonly string[], user: SessionUser) => roles.includes(user.role);

export function MatchingEvents({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([api<MatchingEventList>('/matching-events'), api<BankList>('/banks')]), []);
  const [scheduling, setScheduling] = useState(false);
  if (!loaded.data) return <Loading {...loaded} />;
  const [events, banks] = loaded.data;
  return (
    <section className="card">
      <div className="card-head">
        <h1>{t('eventsTitle')}</h1>
        {isOne(EVENT_ORGANISERS, user) && !scheduling ? <button onClick={() => setScheduling(true)}>{t('scheduleEvent')}</button> : null}
      </div>
      {scheduling ? <ScheduleForm banks={banks.items.filter((b) => !b.retiredAt)} onCancel={() => setScheduling(false)} /> : null}
      {events.items.length === 0 ? <p className="muted">{t('noEvents')}</p> : null}
      <ul className="inbox" data-testid="events">
        {events.items.map((e) => (
          <li key={e.id} className="inbox-item" data-event={e.id}>
            <Link to={`/matching-events/${e.id}`}>{lang === 'en' ? e.titleEn : e.titleZh}</Link>
            <div className="muted">
              {e.date} · {e.place} · {e.banks.map((b) => placeName(banks.items, b, lang)).join('、')}
            </div>
            <div>{t('eventCounts', { registered: e.registered, meetings: e.meetings })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScheduleForm({ banks, onCancel }: { banks: BankList['items']; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ titleZh: '', titleEn: '', place: '', date: shanghaiToday(), organiser: 'TASK_FORCE', banks: [] as string[] });
  // A double tap or a resend schedules one event (one Idempotency-Key for the form).
  const { submit, error, busy, errorOf } = useCheckedForm(requestErrors(MatchingEventBody, form));
  const set = (k: 'titleZh' | 'titleEn' | 'place' | 'date' | 'organiser') => (value: string) => setForm({ ...form, [k]: value });
  const send = async (idempotencyKey: string) => {
    const event = await api<MatchingEventView>('/matching-events', { method: 'POST', body: form, idempotencyKey });
    navigate(`/matching-events/${event.id}`);
  };
  return (
    <form className="action" onSubmit={submit(send)} noValidate data-testid="schedule-form">
      {(['titleZh', 'titleEn', 'place'] as const).map((k) => (
        <TextField key={k} id={`event-${k}`} label={t(`event_${k}`)} error={errorOf(k)} value={form[k]} onChange={set(k)} />
      ))}
      <TextField id="event-date" type="date" label={t('eventDate')} error={errorOf('date')} value={form.date} onChange={set('date')} />
      <SelectField id="event-organiser" label={t('eventOrganiser')} error={errorOf('organiser')} value={form.organiser} onChange={set('organiser')} options={ORGANISERS.map((o) => ({ value: o, label: nameOf(ORGANISER_NAMES, o, lang) }))} />
      <CheckList id="event-bank" legend={t('eventBanks')} items={banks.map((b) => ({ code: b.code, label: placeName(banks, b.code, lang) }))} chosen={form.banks} onChange={(codes) => setForm({ ...form, banks: codes })} error={errorOf('banks')} />
      <FormEnd error={error} busy={busy} onCancel={onCancel} label={t('scheduleEvent')} />
    </form>
  );
}

export function MatchingEventPage({ id, user }: { id: string; user: SessionUser }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([api<MatchingEventView>(`/matching-events/${id}`), api<BankList>('/banks'), api<StreetList>('/streets')]), [id]);
  if (!loaded.data) return <Loading {...loaded} />;
  const [event, banks, streets] = loaded.data;
  const firmName = (code: string) => event.registrations.find((r) => r.creditCode === code)?.name ?? code;
  return (
    <>
      <section className="card">
        <p>
          <Link to="/matching-events">← {t('eventsTitle')}</Link>
        </p>
        <h1>{lang === 'en' ? event.titleEn : event.titleZh}</h1>
        <dl className="facts">
          <dt>{t('eventDate')}</dt>
          <dd>{event.date}</dd>
          <dt>{t('event_place')}</dt>
          <dd>{event.place}</dd>
          <dt>{t('eventOrganiser')}</dt>
          <dd>{nameOf(ORGANISER_NAMES, event.organiser, lang)}</dd>
          <dt>{t('eventBanks')}</dt>
          <dd>{event.banks.map((b) => placeName(banks.items, b, lang)).join('、')}</dd>
        </dl>
        <Link to={`/matching-events/${id}/report`} className="button">
          {t('eventReport')}
        </Link>
      </section>
      <section className="card">
        <h2>{t('eventRegistrations')}</h2>
        {event.registrations.length === 0 ? <p className="muted">{t('noRegistrations')}</p> : null}
        <ul className="registrations" data-testid="registrations">
          {event.registrations.map((r) => (
            <li key={r.creditCode} data-firm={r.creditCode}>
              <strong>{r.name}</strong> {r.came ? <span className="badge">{t('firmCame')}</span> : null}
              <div className="muted code">
                {r.creditCode} · {r.street ? placeName(streets.items, r.street, lang) : '—'}
              </div>
            </li>
          ))}
        </ul>
        {isOne(EVENT_ORGANISERS, user) ? <RegisterForm eventId={id} streets={streets.items} onDone={loaded.reload} /> : null}
      </section>
      <section className="card">
        <h2>{t('eventOutcomes')}</h2>
        {event.outcomes.length === 0 ? <p className="muted">{t('noOutcomes')}</p> : null}
        <ul className="inbox" data-testid="outcomes">
          {event.outcomes.map((o) => (
            <li key={o.id} className="inbox-item" data-outcome={o.id}>
              <strong>{firmName(o.firm)}</strong> × {placeName(banks.items, o.bank, lang)}
              <OutcomeFacts outcome={o} />
              <div className="muted">
                {o.recordedBy} · {formatInstant(o.recordedAt, lang)}
              </div>
            </li>
          ))}
        </ul>
        {isOne(OUTCOME_RECORDERS, user) && event.registrations.length ? <OutcomeForm event={event} user={user} banks={banks.items} onDone={loaded.reload} /> : null}
      </section>
    </>
  );
}

/** What a meeting found: the need (万元, with a link to the lead it opened) or the note. */
function OutcomeFacts({ outcome }: { outcome: MatchingOutcomeView }) {
  const { t } = useI18n();
  return (
    <div>
      {outcome.need ? (
        <>
          {t('needTitle')}: {t('inYuan', { n: formatYuan(outcome.need.amountFen) })} · {outcome.need.purpose}
        </>
      ) : (
        outcome.note
      )}
      {outcome.lead ? (
        <>
          {' '}
          · {t('lead')} <Link to={`/leads/${outcome.lead}`}>{outcome.lead}</Link>
        </>
      ) : null}
    </div>
  );
}

function RegisterForm({ eventId, streets, onDone }: { eventId: string; streets: StreetList['items']; onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: '', creditCode: '', street: '', came: false });
  const body = { ...form, street: form.street || undefined };
  const { submit, error, busy, touched, errorOf } = useCheckedForm(requestErrors(MatchingRegistrationBody, body));
  // A pilot code whose check character fails is sent once confirmed, as the API asks.
  const confirmation = useCreditCodeConfirmation(form.creditCode, error);
  const send = async () => {
    await api(`/matching-events/${eventId}/registrations`, { method: 'POST', body: { ...body, confirmCreditCodeWarnings: confirmation.confirms } });
    setForm({ name: '', creditCode: '', street: '', came: false });
    onDone();
  };
  return (
    <form className="action" onSubmit={submit(send, confirmation.missing)} noValidate data-testid="register-form">
      <h3>{t('registerFirm')}</h3>
      <TextField id="reg-name" label={t('firmName')} error={errorOf('name')} value={form.name} onChange={(name) => setForm({ ...form, name })} />
      <TextField id="reg-creditCode" label={t('creditCode')} error={errorOf('creditCode')} value={form.creditCode} onChange={(code) => setForm({ ...form, creditCode: code.toUpperCase() })} autoCapitalize="characters" />
      <CreditCodeConfirmation state={confirmation} touched={touched} />
      <Field label={t('street')} htmlFor="reg-street" error={errorOf('street')}>
        <BankSelect id="reg-street" banks={streets} value={form.street} onChange={(street) => setForm({ ...form, street })} />
      </Field>
      <CheckBox id="reg-came" label={t('firmCame')} checked={form.came} onChange={(came) => setForm({ ...form, came })} />
      <FormEnd error={error} busy={busy} label={t('registerFirm')} />
    </form>
  );
}

function OutcomeForm({ event, user, banks, onDone }: { event: MatchingEventView; user: SessionUser; banks: BankList['items']; onDone: () => void }) {
  const { t, lang } = useI18n();
  // A customer manager records their own bank's meetings only.
  const eventBanks = user.role === 'customer_manager' ? event.banks.filter((b) => b === user.bank) : event.banks;
  const [form, setForm] = useState({ creditCode: '', bank: eventBanks.length === 1 ? eventBanks[0]! : '', kind: 'NOTE' as 'NOTE' | 'NEED', note: '' });
  const [need, setNeed] = useState(EMPTY_NEED);
  const [recorded, setRecorded] = useState<MatchingOutcomeView>();
  const body = { creditCode: form.creditCode, bank: form.bank, kind: form.kind, ...(form.kind === 'NEED' ? { need: needBody(need) } : {}), ...(form.note.trim() ? { note: form.note } : {}) };
  // One key per outcome: a double tap or a resend records it once; the next outcome gets a new one.
  const { submit, error, busy, touched, errorOf } = useCheckedForm(requestErrors(MatchingOutcomeBody, body));
  const send = async (idempotencyKey: string) => {
    setRecorded(await api<MatchingOutcomeView>(`/matching-events/${event.id}/outcomes`, { method: 'POST', body, idempotencyKey }));
    setForm({ ...form, creditCode: '', note: '' });
    setNeed(EMPTY_NEED);
    onDone();
  };
  return (
    <form className="action" onSubmit={submit(send, form.kind === 'NEED' && amountWanInvalid(need))} noValidate data-testid="outcome-form">
      <h3>{t('recordOutcome')}</h3>
      {recorded ? (
        <p className="ok" role="status" data-testid="outcome-recorded">
          {t('outcomeRecorded')}
          {recorded.lead ? (
            <>
              {' '}
              {t('lead')} <Link to={`/leads/${recorded.lead}`}>{recorded.lead}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <SelectField id="outcome-firm" label={t('firmName')} error={errorOf('creditCode')} value={form.creditCode} onChange={(creditCode) => setForm({ ...form, creditCode })} options={event.registrations.map((r) => ({ value: r.creditCode, label: r.name }))} empty="—" />
      <SelectField id="outcome-bank" label={t('bankKind')} error={errorOf('bank')} value={form.bank} onChange={(bank) => setForm({ ...form, bank })} options={eventBanks.map((b) => ({ value: b, label: placeName(banks, b, lang) }))} empty="—" />
      <fieldset>
        <legend>{t('outcomeKind')}</legend>
        {(['NOTE', 'NEED'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="outcome-kind" id={`outcome-kind-${k}`} checked={form.kind === k} onChange={() => setForm({ ...form, kind: k })} />
            {t(k === 'NEED' ? 'outcomeNeedFound' : 'outcomeNote')}
          </label>
        ))}
      </fieldset>
      {form.kind === 'NEED' ? <NeedFields need={need} onChange={setNeed} banks={banks} touched={touched} errorOf={errorOf} /> : null}
      <TextField id="outcome-note" label={t('visitNote')} error={errorOf('note')} value={form.note} onChange={(note) => setForm({ ...form, note })} rows={2} />
      <FormEnd error={error} busy={busy} label={t('recordOutcome')} />
    </form>
  );
}
