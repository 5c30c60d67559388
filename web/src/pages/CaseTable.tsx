import type { ReactNode } from 'react';
import type { CaseSummary } from '../api';
import { PausedNote, SlaBadge } from '../components';
import { useI18n, type MessageKey } from '../i18n';
import { nameOf, STAGES } from '../labels';
import { Link } from '../router';

/** Cases as rows (labelled cells on a phone): number, firm, stage, SLA, then `extra` columns. */
export function CaseTable({ items, extra, className }: { items: readonly CaseSummary[]; extra: readonly { label: MessageKey; cell: (c: CaseSummary) => ReactNode }[]; className?: string }) {
  const { t, lang } = useI18n();
  return (
    <table className={`responsive ${className ?? ''}`}>
      <thead>
        <tr>
          <th>{t('caseNo')}</th>
          <th>{t('firm')}</th>
          <th>{t('stage')}</th>
          <th>{t('sla')}</th>
          {extra.map((x) => (
            <th key={x.label}>{t(x.label)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-case={c.id} className={`sla-${c.slaState}`}>
            <td data-label={t('caseNo')}>
              <Link to={`/cases/${c.id}`}>{c.id}</Link>
            </td>
            <td data-label={t('firm')}>{c.firmName}</td>
            <td data-label={t('stage')}>{nameOf(STAGES, c.stage, lang)}</td>
            <td data-label={t('sla')}>
              <SlaBadge state={c.slaState} /> <PausedNote paused={c.paused} />
            </td>
            {extra.map((x) => (
              <td key={x.label} data-label={t(x.label)}>
                {x.cell(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
