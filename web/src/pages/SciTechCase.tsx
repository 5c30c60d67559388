// A sci-tech credit case (善科贷): the firm's application, the 48-hour promise and time left, and
// the scoring read back to what produced it: the score and band with their reasons, every factor
// with its input and points, the recommended limit per pledged patent (pledge rate, lending value)
// and the cap that set it. The bank's approver decides a MANUAL_REVIEW case here, within the
// product's terms; the workflow has the last word (a 409 shown as it says it, Chinese first).
import { caseEnded } from '../../../domain/stages';
import { formatFen } from '../../../domain/money';
import { REJECTION_REASONS, SCI_TECH_POLICY } from '../../../domain/sciTech/policy';
import type { AnyCaseView, SciTechCaseView } from '../api';
import type { SessionUser } from '../auth/session';
import { formatBp, formatInstant, formatYuan } from '../format';
import { useI18n, type Lang, type Translate } from '../i18n';
import { BANDS, BINDING_CAPS, FACTORS, nameOf, PATENT_TYPE_NAMES, SCI_TECH_REASONS } from '../labels';
import { SciTechDecisionBody } from '../requestRules';
import { DecisionFields, LaterActions } from './caseActions';
import { CaseCard, CaseFacts, Timeline } from './caseParts';
import { TimeLeft } from './TimeLeft';

type Scoring = NonNullable<SciTechCaseView['scoring']>;
type Factor = Scoring['factors'][number];

export function SciTechCase({ c, user, onChange }: { c: SciTechCaseView; user: SessionUser; onChange: (c: AnyCaseView) => void }) {
  const { t, lang } = useI18n();
  const decides = user.role === 'credit_approver' && c.stage === 'MANUAL_REVIEW' && !c.decision;
  return (
    <article className="case sci-tech" data-case={c.id}>
      <CaseCard c={c}>
        <dl className="facts">
          <CaseFacts c={c} amountLabel="requestedAmount" user={user} />
          <dt>{t('promise48')}</dt>
          <dd data-testid="promise">
            {formatInstant(c.dueAt, lang)} {c.dueAt && !caseEnded(c.stage) ? <TimeLeft days={[]} due={c.dueAt} calendarHours /> : null}
          </dd>
          {c.approver ? (
            <>
              <dt>{t('approver')}</dt>
              <dd>{c.approver}</dd>
            </>
          ) : null}
          {c.guidedBy ? (
            <>
              <dt>{t('guidedBy')}</dt>
              <dd data-testid="guided-by">{c.guidedBy}</dd>
            </>
          ) : null}
          <dt>{t('purpose')}</dt>
          <dd>{c.purpose}</dd>
        </dl>
      </CaseCard>
      {c.application ? <Application a={c.application} /> : null}
      {c.scoring ? <ScoringView s={c.scoring} /> : <p className="card muted">{t('notScoredYet')}</p>}
      {decides && c.scoring ? (
        <section className="card">
          <h2>{t('decision')}</h2>
          <SciTechDecisionForm c={c} recommendedFen={c.scoring.limit.recommendedFen} onChange={onChange} />
        </section>
      ) : null}
      {c.decision ? <DecisionView d={c.decision} /> : null}
      <LaterActions c={c} user={user} onChange={onChange} />
      <Timeline events={c.events} />
    </article>
  );
}

/** A patent as the firm listed it: number, type, years of protection left. */
function PatentHeads() {
  const { t } = useI18n();
  return (
    <>
      <th>{t('patents')}</th>
      <th>{t('patentType')}</th>
      <th>{t('remainingYears')}</th>
    </>
  );
}

function PatentCells({ p }: { p: { patentNo: string; type: string; remainingYears: number } }) {
  const { t, lang } = useI18n();
  return (
    <>
      <td data-label={t('patents')}>{p.patentNo}</td>
      <td data-label={t('patentType')}>{nameOf(PATENT_TYPE_NAMES, p.type, lang)}</td>
      <td data-label={t('remainingYears')}>{p.remainingYears}</td>
    </>
  );
}

function Application({ a }: { a: NonNullable<SciTechCaseView['application']> }) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="application">
      <h2>{t('applicationTitle')}</h2>
      <div className="table-scroll">
        <table className="responsive">
          <thead>
            <tr>
              <PatentHeads />
            </tr>
          </thead>
          <tbody>
            {a.patents.map((p) => (
              <tr key={p.patentNo}>
                <PatentCells p={p} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{t('rdSpend')}</dt>
        <dd>{formatYuan(a.rdSpendFen)}</dd>
        <dt>{t('revenueThreeYears')}</dt>
        <dd>{a.revenueFen.map(formatYuan).join(' → ')}</dd>
        <dt>{t('yearsInOperation')}</dt>
        <dd>{a.yearsInOperation}</dd>
        <dt>{t('existingDebt')}</dt>
        <dd>{formatYuan(a.existingDebtFen)}</dd>
      </dl>
    </section>
  );
}

/** A factor's measured input in its unit: basis points as a percentage, years, or raw points. */
function factorInput(f: Factor, t: Translate): string {
  switch (f.unit) {
    case 'bp':
      return formatBp(f.input);
    case 'years':
      return t('years', { n: f.input });
    case 'points':
      return t('points', { n: f.input });
  }
}

function ScoringView({ s }: { s: Scoring }) {
  const { t, lang } = useI18n();
  const limit = s.limit;
  const sourceOf = (patentNo: string) => s.valuations.find((v) => v.patentNo === patentNo)?.source ?? '—';
  const caps = [
    ['IP_VALUE', limit.ipValueFen],
    ...(limit.revenueCapFen === undefined ? [] : [['REVENUE', limit.revenueCapFen] as const]),
    ['PRODUCT_MAX', limit.productMaxFen],
    ['REQUESTED', limit.requestedFen],
  ] as const;
  return (
    <>
      <section className="card" data-testid="scoring">
        <h2>{t('scoringTitle')}</h2>
        <p className="score-line">
          <strong className="score" data-testid="score">
            {t('pointsOf', { points: s.score, max: 100 })}
          </strong>{' '}
          <span className={`badge band-${s.band}`} data-testid="band">
            {nameOf(BANDS, s.band, lang)}
          </span>
        </p>
        <h3>{t('bandReasons')}</h3>
        <ul data-testid="band-reasons">
          {s.reasons.map((r) => (
            <li key={r.code} data-reason={r.code}>
              {bilingualHalf(r.text, lang)}
            </li>
          ))}
        </ul>
        <div className="table-scroll">
          <table className="responsive factors">
            <thead>
              <tr>
                <th>{t('factor')}</th>
                <th>{t('factorInput')}</th>
                <th>{t('factorPoints')}</th>
                <th>{t('factorHow')}</th>
              </tr>
            </thead>
            <tbody>
              {s.factors.map((f) => (
                <tr key={f.code} data-factor={f.code}>
                  <td data-label={t('factor')}>{nameOf(FACTORS, f.code, lang)}</td>
                  <td data-label={t('factorInput')} data-testid="factor-input">
                    {factorInput(f, t)}
                  </td>
                  <td data-label={t('factorPoints')} data-testid="factor-points">
                    {t('pointsOf', { points: f.points, max: f.maxPoints })}
                  </td>
                  <td data-label={t('factorHow')} className="muted">
                    {f.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" data-testid="limit">
        <h2>{t('limitTitle')}</h2>
        <div className="table-scroll">
          <table className="responsive">
            <thead>
              <tr>
                <PatentHeads />
                <th>{t('valuation')}</th>
                <th>{t('valuationSource')}</th>
                <th>{t('pledgeRate')}</th>
                <th>{t('lendingValue')}</th>
              </tr>
            </thead>
            <tbody>
              {limit.perPatent.map((p) => (
                <tr key={p.patentNo} data-patent={p.patentNo}>
                  <PatentCells p={p} />
                  <td data-label={t('valuation')}>{formatYuan(p.valuationFen)}</td>
                  <td data-label={t('valuationSource')}>{sourceOf(p.patentNo)}</td>
                  <td data-label={t('pledgeRate')} data-testid="pledge-rate">
                    {p.pledgeRateBp === undefined ? '—' : p.pledgeRateBp === 0 ? t('notPledged') : formatBp(p.pledgeRateBp)}
                  </td>
                  <td data-label={t('lendingValue')} data-testid="lending-value">
                    {formatYuan(p.lendingValueFen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="facts caps">
          {caps.map(([cap, fen]) => (
            <div key={cap} className={limit.bindingCap === cap ? 'binding' : undefined} data-cap={cap}>
              <dt>{nameOf(BINDING_CAPS, cap, lang)}</dt>
              <dd>
                {formatYuan(fen)} {limit.bindingCap === cap ? <strong>（{t('binding')}）</strong> : null}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('recommended')}</dt>
            <dd data-testid="recommended">
              <strong>{formatYuan(limit.recommendedFen)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('bindingCap')}</dt>
            <dd data-testid="binding-cap">{nameOf(BINDING_CAPS, limit.bindingCap, lang)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}

/** The scoring's reasons read "中文 English" in one line (domain/sciTech/scoring.ts): the user's half. */
function bilingualHalf(text: string, lang: Lang): string {
  const at = text.search(/[A-Za-z]/);
  if (at <= 0) return text;
  return lang === 'en' ? text.slice(at) : text.slice(0, at).trim();
}

/** Approve within the recommended limit and the product's manual terms, or reject with a sci-tech reason. */
function SciTechDecisionForm({ c, recommendedFen, onChange }: { c: SciTechCaseView; recommendedFen: number; onChange: (c: AnyCaseView) => void }) {
  const { t } = useI18n();
  const terms = SCI_TECH_POLICY.manualTerms;
  return (
    <>
      <p className="muted" data-testid="decision-terms">
        {t('decisionTerms', { limit: formatYuan(recommendedFen), minRate: terms.minRateBp, maxRate: terms.maxRateBp, maxTerm: terms.maxTermMonths })}
      </p>
      <DecisionFields
        caseId={c.id}
        schema={SciTechDecisionBody}
        reasons={REJECTION_REASONS}
        reasonNames={SCI_TECH_REASONS}
        initial={{ amount: formatFen(recommendedFen), ...SCI_TECH_POLICY.autoTerms }}
        onChange={onChange}
      />
    </>
  );
}

function DecisionView({ d }: { d: NonNullable<SciTechCaseView['decision']> }) {
  const { t, lang } = useI18n();
  const outcome = t(d.outcome === 'APPROVED' ? 'approve' : 'reject');
  return (
    <section className="card">
      <h2>{t('decision')}</h2>
      <p data-testid="decision">
        {t('decisionSummary', { outcome, by: d.by, at: formatInstant(d.at, lang) })} {d.automatic ? t('automatic') : null}
      </p>
      {d.amountFen !== undefined ? <p>{t('approvedTerms', { amount: formatYuan(d.amountFen), rate: d.rateBp ?? '', term: d.termMonths ?? '' })}</p> : null}
      {d.reasons?.length ? <p>{d.reasons.map((r) => nameOf(SCI_TECH_REASONS, r.code, lang) + (r.note ? `：${r.note}` : '')).join('；')}</p> : null}
    </section>
  );
}
