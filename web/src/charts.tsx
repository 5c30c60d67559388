// Hand-drawn charts (CSS bars, SVG lines; no chart library). Every figure drawn is also written
// out as text beside it or in a table, so a screen reader and a printout read the same numbers.
import type { ReactNode } from 'react';
import { useI18n } from './i18n';

export interface Bar {
  key: string;
  label: ReactNode;
  /** null: nothing to draw (the text says why); 0 draws no bar either. */
  value: number | null;
  /** What is written beside the bar: the value with its unit, or why there is none. */
  text: string;
  /** Colour, 0–3: the same tone means the same measure across a chart. */
  tone: number;
}

/** Labelled horizontal bars, scaled to `max`, each with its value written beside it. */
export function BarList({ bars, max }: { bars: readonly Bar[]; max: number }) {
  return (
    <dl className="bar-list">
      {bars.map((b) => (
        <div key={b.key} className="bar-row" data-bar={b.key}>
          <dt>{b.label}</dt>
          <dd>
            <span className="bar-track" aria-hidden="true">
              {b.value === null || b.value <= 0 ? null : <span className={`bar tone-${b.tone}`} style={{ width: `${max > 0 ? Math.min(100, (b.value / max) * 100) : 0}%` }} />}
            </span>
            <span className={b.value === null ? 'bar-value muted' : 'bar-value'}>{b.text}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface RateSeries {
  key: string;
  label: string;
  /** One rate (0–1) per bucket; null where there was nothing to divide. */
  rates: readonly (number | null)[];
  tone: number;
}

const W = 300;
const H = 130;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

/** Line segments through consecutive known rates: a bucket without outcomes leaves a gap. */
function segments(rates: readonly (number | null)[], x: (i: number) => number, y: (r: number) => number): string[] {
  const out: string[] = [];
  let run: string[] = [];
  rates.forEach((r, i) => {
    if (r === null) {
      if (run.length > 1) out.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(r).toFixed(1)}`);
  });
  if (run.length > 1) out.push(run.join(' '));
  return out;
}

/**
 * One small multiple: rates over the buckets as lines with dots (0–100 %), the buckets' labels
 * under it. The SVG is decoration for sighted readers; `caption` and the table carry the figures.
 */
export function RateLines({ title, caption, labels, series, table }: { title: string; caption: string; labels: readonly string[]; series: readonly RateSeries[]; table: ReactNode }) {
  const { t } = useI18n();
  const n = labels.length;
  const x = (i: number) => PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (r: number) => PAD.top + (1 - r) * (H - PAD.top - PAD.bottom);
  const every = Math.max(1, Math.ceil(n / 4));
  return (
    <figure className="rate-lines">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{caption}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        {[0, 0.5, 1].map((r) => (
          <g key={r} className="grid-line">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(r)} y2={y(r)} />
            <text x={PAD.left - 4} y={y(r) + 3} textAnchor="end">
              {r * 100}%
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 || i === n - 1 ? (
            <text key={l} className="x-label" x={x(i)} y={H - 6} textAnchor={n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}>
              {l}
            </text>
          ) : null,
        )}
        {/* Drawn last to first, so the first series (the main measure) lies on top where they meet. */}
        {[...series].reverse().map((s) => (
          <g key={s.key} className={`series tone-${s.tone}`}>
            {segments(s.rates, x, y).map((points) => (
              <polyline key={points} points={points} />
            ))}
            {s.rates.map((r, i) => (r === null ? null : <circle key={i} cx={x(i)} cy={y(r)} r={2.6} />))}
          </g>
        ))}
      </svg>
      <details>
        <summary>{t('chartData')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}

/** The legend of a chart's tones, as text. */
export function Legend({ items }: { items: readonly { label: string; tone: number }[] }) {
  return (
    <p className="legend">
      {items.map((i) => (
        <span key={i.label} className={`tone-${i.tone}`}>
          <span aria-hidden="true">■ </span>
          {i.label}
        </span>
      ))}
    </p>
  );
}
