// A team member records a visit to a firm on the team's list, on a phone: nothing needed (with a
// note), or the need found (amount in 万元 as visitors note it, sent in CNY; purpose, urgency,
// collateral, patents, a bank that already refused it). The form runs the API's VisitBody first;
// one Idempotency-Key per form, so a double tap or a resend records one visit. The recorded
// visit is shown as the API answered it.
import { useState } from 'react';
import { formatFen, parseWanToFen } from '../../../domain/money';
import { URGENCIES as URGENCY_CODES } from '../../../domain/surveyNetwork';
import { api, type BankList, type SurveyFirmView, type VisitListView, type VisitView } from '../api';
import { BankSelect, Field, Loading, useLoad } from '../components';
import { useI18n } from '../i18n';
import { nameOf, URGENCIES } from '../labels';
import { requestErrors, VisitBody } from '../requestRules';
import { Link } from '../router';
import { CheckBox, FormEnd, SelectField, TextField, useCheckedForm } from './formParts';
import { LastVisit, loadNetwork, type NetworkNames } from './surveyParts';
import { NotOnList } from './VisitList';
import { VisitCard } from './Visits';

export const EMPTY_NEED = { amountWan: '', purpose: '', urgency: '', collateral: '', patents: '0', refused: false, refusedBank: '', refusedReason: '' };
export type NeedForm = typeof EMPTY_NEED;

/** The need as the API takes it: 万元 in CNY (the raw text when it is no 万元 amount, which the form refuses first). */
export function needBody(f: NeedForm) {
  const fen = parseWanToFen(f.amountWan.trim());
  return {
    amount: fen === undefined ? f.amountWan.trim() : formatFen(fen),
    purpose: f.purpose,
    urgency: f.urgency,
    ...(f.collateral.trim() ? { collateral: f.collateral } : {}),
    patents: f.patents.trim() === '' ? undefined : Number(f.patents),
    ...(f.refused ? { refusedBy: { bank: f.refusedBank, reason: f.refusedReason } } : {}),
  };
}

/** An amount typed that is no 万元 amount (the form says so; the API would read it as yuan). */
export const amountWanInvalid = (f: NeedForm) => f.amountWan.trim() !== '' && parseWanToFen(f.amountWan.trim()) === undefined;

export function RecordVisit({ firmId }: { firmId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => Promise.all([api<VisitListView>('/visit-list'), api<BankList>('/banks'), loadNetwork()]), []);
  const [recorded, setRecorded] = useState<VisitView>();
  if (!loaded.data) return <Loading {...loaded} />;
  const [list, banks, names] = loaded.data;
  const item = list.items.find((i) => i.firms.some((f) => f.id === firmId));
  const firm = item?.firms.find((f) => f.id === firmId);
  return (
    <section className="card narrow">
      <p>
        <Link to="/visit-list">← {t('visitListTitle')}</Link>
      </p>
      {recorded ? (
        <VisitRecorded visit={recorded} names={names} banks={banks.items} />
      ) : firm && item ? (
        <VisitForm firm={firm} building={item.building} banks={banks.items.filter((b) => !b.retiredAt)} onRecorded={setRecorded} />
      ) : (
        <NotOnList />
      )}
    </section>
  );
}

/** The confirmation: the visit as recorded, and where to go next (the lead a need opened, once its screen exists). */
function VisitRecorded({ visit, names, banks }: { visit: VisitView; names: NetworkNames; banks: BankList['items'] }) {
  const { t } = useI18n();
  return (
    <div data-testid="visit-recorded">
      <h1>{t('visitRecordedTitle')}</h1>
      <VisitCard visit={visit} names={names} banks={banks} />
      <p className="buttons">
        <Link to="/visit-list" className="button">
          {t('backToList')}
        </Link>
        <Link to="/visits">{t('navVisits')}</Link>
      </p>
    </div>
  );
}

function VisitForm({
  firm,
  building,
  banks,
  onRecorded,
}: {
  firm: SurveyFirmView;
  building: VisitListView['items'][number]['building'];
  banks: BankList['items'];
  onRecorded: (v: VisitView) => void;
}) {
  const { t, lang } = useI18n();
  const [outcome, setOutcome] = useState<'NO_NEED' | 'NEED_FOUND' | ''>('');
  const [note, setNote] = useState('');
  const [need, setNeed] = useState(EMPTY_NEED);
  const body = {
    firmId: firm.id,
    outcome,
    ...(outcome === 'NEED_FOUND' ? { need: needBody(need) } : {}),
    ...(note.trim() ? { note } : {}),
  };
  const errors = requestErrors(VisitBody, body);
  // One key for this form: a repeat (double tap, a resend after a network error) answers the same visit.
  const { submit, error, busy, touched, errorOf } = useCheckedForm(errors);
  const record = async (idempotencyKey: string) => onRecorded(await api<VisitView>('/visits', { method: 'POST', body, idempotencyKey }));

  return (
    <form onSubmit={submit(record, outcome === 'NEED_FOUND' && amountWanInvalid(need))} noValidate>
      <h1>{t('recordVisitTitle')}</h1>
      <p>
        <strong>{firm.name}</strong>
        <br />
        <span className="muted">
          {lang === 'en' ? building.nameEn : building.nameZh}
          {firm.unit ? ` · ${firm.unit}` : ''} · {firm.creditCode}
        </span>
        <br />
        <LastVisit last={firm.lastVisit} />
      </p>
      <fieldset className={touched && errors.outcome ? 'invalid' : undefined}>
        <legend>{t('visitOutcome')}</legend>
        {(['NEED_FOUND', 'NO_NEED'] as const).map((o) => (
          <label key={o} className="check">
            <input type="radio" name="outcome" id={`outcome-${o}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(o === 'NEED_FOUND' ? 'outcomeNeedFound' : 'outcomeNoNeed')}
          </label>
        ))}
        {touched && errors.outcome ? (
          <span className="field-error" role="alert" id="outcome-error">
            {t('errChooseOutcome')}
          </span>
        ) : null}
      </fieldset>
      {outcome === 'NEED_FOUND' ? <NeedFields need={need} onChange={setNeed} banks={banks} touched={touched} errorOf={errorOf} /> : null}
      <TextField id="note" label={t('visitNote')} error={errorOf('note')} value={note} onChange={setNote} rows={2} />
      <FormEnd error={error} busy={busy} label={t('recordVisit')} />
    </form>
  );
}

/** A financing need's fields, as a visit and a matching event's meeting record it (the API's FinancingNeedBody at `need.*`). */
export function NeedFields({ need, onChange, banks, touched, errorOf }: { need: NeedForm; onChange: (n: NeedForm) => void; banks: BankList['items']; touched: boolean; errorOf: (path: string) => string | undefined }) {
  const { t, lang } = useI18n();
  const set = (k: Exclude<keyof NeedForm, 'refused'>) => (value: string) => onChange({ ...need, [k]: value });
  return (
    <fieldset>
      <legend>{t('needTitle')}</legend>
      <TextField id="need-amount" label={t('needAmountWan')} error={touched && amountWanInvalid(need) ? t('errWan') : errorOf('need.amount')} value={need.amountWan} onChange={set('amountWan')} inputMode="decimal" />
      <TextField id="need-purpose" label={t('purpose')} error={errorOf('need.purpose')} value={need.purpose} onChange={set('purpose')} rows={2} />
      <SelectField id="need-urgency" label={t('urgency')} error={errorOf('need.urgency')} value={need.urgency} onChange={set('urgency')} empty="—" options={URGENCY_CODES.map((u) => ({ value: u, label: nameOf(URGENCIES, u, lang) }))} />
      <TextField id="need-collateral" label={t('collateral')} error={errorOf('need.collateral')} value={need.collateral} onChange={set('collateral')} placeholder={t('collateralHint')} />
      <TextField id="need-patents" label={t('patentsHeld')} error={errorOf('need.patents')} value={need.patents} onChange={set('patents')} inputMode="numeric" />
      <CheckBox id="need-refused" label={t('refusedByBank')} checked={need.refused} onChange={(refused) => onChange({ ...need, refused })} />
      {need.refused ? (
        <>
          <Field label={t('refusingBank')} htmlFor="need-refused-bank" error={errorOf('need.refusedBy.bank')}>
            <BankSelect id="need-refused-bank" banks={banks} value={need.refusedBank} onChange={set('refusedBank')} />
          </Field>
          <TextField id="need-refused-reason" label={t('refusalReason')} error={errorOf('need.refusedBy.reason')} value={need.refusedReason} onChange={set('refusedReason')} rows={2} />
        </>
      ) : null}
    </fieldset>
  );
}
