// The customer manager prepares a firm's 善科贷 application (代客申请) for the firm to confirm on
// its phone, and follows what the firms did with their bank's: waiting, submitted (with the case)
// or discarded.
import { useState } from 'react';
import type { z } from 'zod';
import type { FirmApplicationList } from '../../../api/contract/firmCaseResponses';
import { parseCnyToFen } from '../../../domain/money';
import { api } from '../api';
import { Loading, useLoad } from '../components';
import { formatInstant, formatYuan } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { OnlineApplication } from './OnlineApplication';

type Prepared = z.infer<typeof FirmApplicationList>['items'][number];

export function BankApplications() {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => api<z.infer<typeof FirmApplicationList>>('/firm-applications'), []);
  const [prepared, setPrepared] = useState<string>();
  return (
    <>
      <section className="card">
        <h1>{t('bankApplicationsTitle')}</h1>
        <p className="muted">{t('bankApplicationsIntro')}</p>
        {prepared ? (
          <p className="ok" role="status" data-testid="prepared">
            {t('bankApplicationsPrepared', { id: prepared })}
          </p>
        ) : null}
        <OnlineApplication<Prepared>
          author="bank"
          submitLabel={t('bankApplicationsPrepare')}
          onDone={(a) => {
            setPrepared(a.id);
            loaded.reload();
          }}
        />
      </section>
      <section className="card">
        <h2>{t('bankApplicationsList')}</h2>
        {!loaded.data ? (
          <Loading {...loaded} />
        ) : loaded.data.items.length === 0 ? (
          <p className="muted">{t('bankApplicationsNone')}</p>
        ) : (
          <div className="table-scroll">
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t('firmName')}</th>
                  <th scope="col">{t('requestedAmount')}</th>
                  <th scope="col">{t('firmDraftPreparedBy')}</th>
                  <th scope="col">{t('applicationStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((a) => (
                  <tr key={a.id} data-testid="bank-application">
                    <td data-label={t('firmName')}>
                      {a.firmName}
                      <br />
                      <span className="muted">{a.creditCode}</span>
                    </td>
                    <td data-label={t('requestedAmount')}>{a.amount === null ? '—' : formatYuan(parseCnyToFen(a.amount) ?? 0)}</td>
                    <td data-label={t('firmDraftPreparedBy')}>
                      {a.preparedBy}
                      <br />
                      <span className="muted">{formatInstant(a.preparedAt, lang)}</span>
                    </td>
                    <td data-label={t('applicationStatus')}>
                      {t(`applicationStatus:${a.status}`)}
                      {a.outdated ? <span className="muted"> · {t('applicationOutdated')}</span> : null}
                      {a.caseNo ? (
                        <>
                          {' '}
                          <Link to={`/cases/${a.caseNo}`}>{a.caseNo}</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
