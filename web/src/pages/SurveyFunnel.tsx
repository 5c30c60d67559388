// Managers, the task force and its survey group: how far a period's visits went, from the
// buildings walked to the money paid, overall as hand-drawn bars and per street, community, team
// or bank as a table, with the median working days between stages and the API's CSV. Every
// figure is the API's (/survey/funnel, docs/survey-funnel.md).
import { Fragment, useState, type FormEvent } from 'react';
import { api, downloadCsv, query, type SurveyFunnel } from '../api';
import { BarList } from '../charts';
import { Loading, RangeCard, useLoad } from '../components';
import { addDays } from '../../../domain/calendar/timeZone';
import { FUNNEL_GROUPS, FUNNEL_INTERVALS, FUNNEL_STAGES, type FunnelGroupBy } from '../../../domain/survey/funnel';
import { formatPercent, formatWorkingDays, formatYuan, shanghaiToday } from '../format';
import { useI18n, type MessageKey } from '../i18n';

type Range = { from: string; to: string; groupBy: FunnelGroupBy };
type Figures = SurveyFunnel['overall'];

const STAGE_LABELS: Record<(typeof FUNNEL_STAGES)[number], MessageKey> = {
  buildingsWalked: 'funnelBuildingsWalked',
  firmsVisited: 'funnelFirmsVisited',
  needsFound: 'funnelNeedsFound',
  leads: 'funnelLeads',
  casesOpened: 'funnelCasesOpened',
  decided: 'funnelDecided',
  disbursed: 'funnelDisbursed',
};
const INTERVAL_LABELS: Record<(typeof FUNNEL_INTERVALS)[number], MessageKey> = {
  needToCase: 'funnelNeedToCase',
  caseToDecision: 'funnelCaseToDecision',
  decisionToDisbursement: 'funnelDecisionToDisbursement',
  needToDisbursement: 'funnelNeedToDisbursement',
};
const GROUP_LABELS: Record<FunnelGroupBy, MessageKey> = { street: 'street', community: 'community', team: 'visitTeam', bank: 'bank' };

/** A stage's count with its share of the stage before, when it has one. */
function stageText(f: Figures, stage: (typeof FUNNEL_STAGES)[number]): string {
  const rate = stage in f.rates ? f.rates[stage as keyof Figures['rates']] : undefined;
  return rate === undefined ? String(f[stage]) : `${f[stage]}（${formatPercent(rate)}）`;
}

/** Last 30 days by street. */
function initialRange(): Range {
  const today = shanghaiToday();
  return { from: addDays(today, -29), to: today, groupBy: 'street' };
}

export function SurveyFunnelPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Range>(initialRange);
  const [range, setRange] = useState<Range>(draft);
  const funnel = useLoad(() => api<SurveyFunnel>(`/survey/funnel?${query(range)}`), [range.from, range.to, range.groupBy]);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setRange({ ...draft });
  };
  const f = funnel.data;
  const max = f ? Math.max(...FUNNEL_STAGES.map((s) => f.overall[s])) : 0;
  const rows = f ? [...f.groups, { ...f.overall, code: 'ALL', nameZh: t('funnelTotal'), nameEn: t('funnelTotal') }] : [];
  return (
    <div className="board">
      <RangeCard title={t('funnelTitle')} draft={draft} setDraft={setDraft} onSubmit={show} error={funnel.error}>
        <label>
          {t('funnelGroupBy')}{' '}
          <select id="funnel-group" value={draft.groupBy} onChange={(e) => setDraft({ ...draft, groupBy: e.target.value as FunnelGroupBy })}>
            {FUNNEL_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(GROUP_LABELS[g])}
              </option>
            ))}
          </select>
        </label>
      </RangeCard>
      {!f ? (
        <Loading loading={funnel.loading} />
      ) : (
        <>
          <section className="card" data-testid="funnel-overall">
            <div className="card-head">
              <h2>{t('funnelTotal')}</h2>
              <button onClick={() => void downloadCsv(`/survey/funnel?${query(range)}`, `survey-funnel-${range.groupBy}.csv`)}>{t('exportCsv')}</button>
            </div>
            <p className="muted">{t('funnelRateNote')}</p>
            <BarList max={max} bars={FUNNEL_STAGES.map((s, i) => ({ key: s, label: t(STAGE_LABELS[s]), value: f.overall[s], text: stageText(f.overall, s), tone: Math.min(3, Math.floor(i / 2)) }))} />
            <p>
              {t('funnelDisbursedAmount')}: <strong data-testid="funnel-amount">{formatYuan(f.overall.disbursedFen)}</strong>
            </p>
            <h3>{t('funnelMedians')}</h3>
            <dl className="facts">
              {FUNNEL_INTERVALS.map((i) => (
                <Fragment key={i}>
                  <dt>{t(INTERVAL_LABELS[i])}</dt>
                  <dd data-interval={i}>{f.overall.medianWorkingDays[i] === null ? '—' : formatWorkingDays(f.overall.medianWorkingDays[i]!, lang)}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
          <section className="card" data-testid="funnel-groups">
            <h2>{t(GROUP_LABELS[f.groupBy])}</h2>
            <table className="responsive">
              <thead>
                <tr>
                  <th />
                  {FUNNEL_STAGES.map((s) => (
                    <th key={s}>{t(STAGE_LABELS[s])}</th>
                  ))}
                  <th>{t('funnelDisbursedAmount')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((g) => (
                  <tr key={g.code} data-group={g.code}>
                    <th>{lang === 'en' ? g.nameEn : g.nameZh}</th>
                    {FUNNEL_STAGES.map((s) => (
                      <td key={s} data-label={t(STAGE_LABELS[s])}>
                        {stageText(g, s)}
                      </td>
                    ))}
                    <td data-label={t('funnelDisbursedAmount')}>{formatYuan(g.disbursedFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
