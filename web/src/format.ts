// Instants shown in Asia/Shanghai (the business time zone), whatever the device's zone.
import { shanghaiDate } from '../../domain/calendar/timeZone';
import type { Lang } from './i18n';

export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Today's business date (Asia/Shanghai), YYYY-MM-DD. */
export const shanghaiToday = (): string => shanghaiDate(new Date());
