// The 摸排漏斗 page's map-like grid of streets: one tile per street placed as on the island
// (../streetGrid.ts), shaded by the measure the manager picks, each tile writing its name and value
// (the shade only repeats the text). Tiles are buttons: choosing one shows that street's funnel.
import { useState } from 'react';
import { api, query, type StreetList, type SurveyFunnel } from '../api';
import { Loading, useLoad } from '../components';
import { formatWan } from '../../../domain/money';
import { formatPercent } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { STREET_GRID_COLUMNS, streetPlaces } from '../streetGrid';
import { FunnelStages, type FunnelFigures } from './funnelParts';

const MEASURES = {
  needsFound: { label: 'mapNeedsFound', value: (f) => f.needsFound, text: (f) => String(f.needsFound) },
  caseRate: { label: 'mapCaseRate', value: (f) => f.rates.casesOpened, text: (f) => formatPercent(f.rates.casesOpened) },
  // 万元 as managers read amounts (exact, else yuan to the fen); the street's funnel below gives the yuan.
  disbursed: { label: 'mapDisbursed', value: (f) => f.disbursedFen, text: (f) => formatWan(f.disbursedFen) },
} satisfies Record<string, { label: MessageKey; value: (f: FunnelFigures) => number | null; text: (f: FunnelFigures) => string }>;
type Measure = keyof typeof MEASURES;

/** Five shades: 0 for nothing (or nothing to divide), then quarters of the largest value. */
function shade(value: number | null, max: number): number {
  return value === null || value <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((value / max) * 4));
}

export function StreetMap({ from, to }: { from: string; to: string }) {
  const { t, lang } = useI18n();
  const [measure, setMeasure] = useState<Measure>('needsFound');
  const [chosen, setChosen] = useState<string>();
  const data = useLoad(() => Promise.all([api<SurveyFunnel>(`/survey/funnel?${query({ from, to, groupBy: 'street' })}`), api<StreetList>('/streets')]), [from, to]);
  if (!data.data) return <Loading {...data} />;
  const [funnel, streets] = data.data;
  const figuresOf = new Map(funnel.groups.map((g) => [g.code, g]));
  const m = MEASURES[measure];
  const max = Math.max(0, ...funnel.groups.map((g) => m.value(g) ?? 0));
  const places = streetPlaces(streets.items.map((s) => s.code));
  const picked = chosen ? streets.items.find((s) => s.code === chosen) : undefined;
  const pickedFigures = chosen ? figuresOf.get(chosen) : undefined;
  const nameOf = (s: { nameZh: string; nameEn: string }) => (lang === 'en' ? s.nameEn : s.nameZh);
  return (
    <>
      <label>
        {t('mapMeasure')}{' '}
        <select id="funnel-map-measure" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
          {(Object.keys(MEASURES) as Measure[]).map((k) => (
            <option key={k} value={k}>
              {t(MEASURES[k].label)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t('mapNote')}</p>
      <div className="street-grid" style={{ gridTemplateColumns: `repeat(${STREET_GRID_COLUMNS}, minmax(0, 1fr))` }} role="group" aria-label={t('mapTitle')}>
        {streets.items.map((s) => {
          const f = figuresOf.get(s.code);
          const [row, column] = places.get(s.code)!;
          return (
            <button
              key={s.code}
              type="button"
              data-street={s.code}
              className={`street-tile heat-${f ? shade(m.value(f), max) : 0}`}
              style={{ gridRow: row, gridColumn: column }}
              aria-pressed={chosen === s.code}
              onClick={() => setChosen(s.code)}
            >
              <span className="street-name">{nameOf(s)}</span>
              <span className="street-value">{f ? m.text(f) : '—'}</span>
            </button>
          );
        })}
      </div>
      {picked ? (
        <section data-testid="street-funnel" aria-live="polite">
          <h3>{t('mapStreetFunnel', { street: nameOf(picked) })}</h3>
          {pickedFigures ? <FunnelStages figures={pickedFigures} /> : <p className="muted">{t('mapNoVisits')}</p>}
        </section>
      ) : (
        <p className="muted">{t('mapChoose')}</p>
      )}
    </>
  );
}
