// Instants shown in Asia/Shanghai (the business time zone), whatever the device's zone.
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { formatFen } from '../../domain/money';
import type { Lang } from './lang';

export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Today's business date (Asia/Shanghai), YYYY-MM-DD. */
export const shanghaiToday = (): string => shanghaiDate(new Date());

/** Integer fen as yuan with thousands separators, e.g. 1,200,000.00 (exact: no floating point). */
export function formatYuan(fen: number): string {
  const [whole, cents] = formatFen(fen).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** Basis points as a percentage, e.g. 5000 → 50%, 365 → 3.65%. */
export const formatBp = (bp: number): string => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * Working days to two decimals; under one working day also in hours (a working day counts 24 h,
 * as the SLA summary counts it), so a median of minutes never reads as a bare 0.
 */
export function formatWorkingDays(days: number, lang: Lang): string {
  const d = days > 0 && days < 0.005 ? '<0.01' : days.toFixed(2).replace(/\.?0+$/, '');
  const unit = lang === 'en' ? ' working days' : ' 个工作日';
  if (days === 0 || days >= 1) return `${d}${unit}`;
  const h = days * 24;
  const hours = h < 0.05 ? '<0.1' : h.toFixed(1);
  return lang === 'en' ? `${d}${unit} (${hours} h)` : `${d}${unit}（${hours} 小时）`;
}
