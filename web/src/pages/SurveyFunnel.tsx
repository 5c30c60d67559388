// Managers, the task force and its survey group: how far a period's visits went, from the
// buildings walked to the money paid, overall as hand-drawn bars and per street, community, team
// or bank as a table, with the median working days between stages and the API's CSV, and a
// map-like grid of the streets (./StreetMap.tsx). Every
// figure is the API's (/survey/funnel, docs/survey-funnel.md).
import { useState, type FormEvent } from 'react';
import { api, downloadCsv, query, type SurveyFunnel } from '../api';
import { Loading, RangeCard, useLoad } from '../components';
import { addDays } from '../../../domain/calendar/timeZone';
import { FUNNEL_GROUPS, type FunnelGroupBy } from '../../../domain/survey/funnel';
import { shanghaiToday } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { FunnelStages, FunnelTable } from './funnelParts';
import { StreetMap } from './StreetMap';

type Range = { from: string; to: string; groupBy: FunnelGroupBy };

const GROUP_LABELS: Record<FunnelGroupBy, MessageKey> = { street: 'street', community: 'community', team: 'visitTeam', bank: 'bank', event: 'funnelByEvent' };

/** Last 30 days by street. */
function initialRange(): Range {
  const today = shanghaiToday();
  return { from: addDays(today, -29), to: today, groupBy: 'street' };
}

export function SurveyFunnelPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Range>(initialRange);
  const [range, setRange] = useState<Range>(draft);
  const funnel = useLoad(() => api<SurveyFunnel>(`/survey/funnel?${query(range)}`), [range.from, range.to, range.groupBy]);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setRange({ ...draft });
  };
  const f = funnel.data;
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
            <FunnelStages figures={f.overall} />
          </section>
          <section className="card" data-testid="funnel-map">
            <h2>{t('mapTitle')}</h2>
            <StreetMap from={range.from} to={range.to} />
          </section>
          <section className="card" data-testid="funnel-groups">
            <h2>{t(GROUP_LABELS[f.groupBy])}</h2>
            <FunnelTable groups={f.groups} overall={f.overall} />
          </section>
        </>
      )}
    </div>
  );
}
