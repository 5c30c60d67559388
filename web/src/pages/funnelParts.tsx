// The survey funnel's figures as the console draws them, on the 摸排漏斗 page and in the cadence
// reports: the stages as bars with each figure and its share of the stage before written beside
// it, the amount paid and the median working days between stages, and a table by group.
import { Fragment } from 'react';
import type { SurveyFunnel } from '../api';
import { BarList } from '../charts';
import { FUNNEL_INTERVALS, FUNNEL_STAGES, type FunnelStage } from '../../../domain/survey/funnel';
import { formatPercent, formatWorkingDays, formatYuan } from '../format';
import { useI18n, type MessageKey } from '../i18n';

export type FunnelFigures = SurveyFunnel['overall'];
export type NamedFunnelFigures = FunnelFigures & { code: string; nameZh: string; nameEn: string };

export const STAGE_LABELS: Record<FunnelStage, MessageKey> = {
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

/** A stage's count with its share of the stage before, when it has one. */
export function stageText(f: FunnelFigures, stage: FunnelStage): string {
  const rate = stage in f.rates ? f.rates[stage as keyof FunnelFigures['rates']] : undefined;
  return rate === undefined ? String(f[stage]) : `${f[stage]}（${formatPercent(rate)}）`;
}

/** The stages as bars, the amount paid and the medians. */
export function FunnelStages({ figures: f }: { figures: FunnelFigures }) {
  const { t, lang } = useI18n();
  const max = Math.max(...FUNNEL_STAGES.map((s) => f[s]));
  return (
    <>
      <p className="muted">{t('funnelRateNote')}</p>
      <BarList max={max} bars={FUNNEL_STAGES.map((s, i) => ({ key: s, label: t(STAGE_LABELS[s]), value: f[s], text: stageText(f, s), tone: Math.min(3, Math.floor(i / 2)) }))} />
      <p>
        {t('funnelDisbursedAmount')}: <strong data-testid="funnel-amount">{formatYuan(f.disbursedFen)}</strong>
      </p>
      <h3>{t('funnelMedians')}</h3>
      <dl className="facts">
        {FUNNEL_INTERVALS.map((i) => (
          <Fragment key={i}>
            <dt>{t(INTERVAL_LABELS[i])}</dt>
            <dd data-interval={i}>{f.medianWorkingDays[i] === null ? '—' : formatWorkingDays(f.medianWorkingDays[i]!, lang)}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

/** One row per group, then the total. */
export function FunnelTable({ groups, overall }: { groups: readonly NamedFunnelFigures[]; overall: FunnelFigures }) {
  const { t, lang } = useI18n();
  const rows = [...groups, { ...overall, code: 'ALL', nameZh: t('funnelTotal'), nameEn: t('funnelTotal') }];
  return (
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
  );
}
