// The firm applies for 善科贷 itself (申请善科贷), on its phone: the case opens at once under its
// credit code and the firm is taken back to its list, where the case says where it stands.
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { OnlineApplication } from './OnlineApplication';

export function FirmApply() {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('firmApplyTitle')}</h1>
      <p className="muted">{t('firmApplyIntro')}</p>
      <OnlineApplication author="firm" submitLabel={t('firmApplySubmit')} onDone={() => navigate('/firm')} />
    </section>
  );
}
