// 通知 The signed-in person's notifications in the header: a bell with the unread count that opens
// the newest, each acknowledged with one click. A breach nobody acknowledges in time goes to the
// task force's leaders, so the button says what it does. Escape closes the list and gives the
// bell back its focus, as a keyboard user expects of a popup.
import { useEffect, useRef, useState } from 'react';
import { api, type NotificationPage, type NotificationView } from './api';
import { ProblemMessage, useLoad } from './components';
import { formatInstant } from './format';
import { useI18n } from './i18n';

export function NotificationBell({ userId }: { userId: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const bell = useRef<HTMLButtonElement>(null);
  const [failed, setFailed] = useState<unknown>();
  const loaded = useLoad(() => api<NotificationPage>('/notifications?limit=20'), [userId]);
  const acknowledge = async (n: NotificationView) => {
    setFailed(undefined);
    try {
      await api<NotificationView>(`/notifications/${n.id}/acknowledge`, { method: 'POST' });
      loaded.reload();
    } catch (err) {
      setFailed(err);
    }
  };
  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      bell.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);
  const unread = loaded.data?.unread ?? 0;
  return (
    <div className="bell">
      <button ref={bell} className="link" aria-expanded={open} data-testid="notification-bell" onClick={() => setOpen(!open)}>
        {t('notifications')}
        {unread ? <span className="badge sla-BREACHED" data-testid="unread-count">{unread}</span> : null}
      </button>
      {open ? (
        <div className="bell-list card" role="dialog" aria-label={t('notifications')}>
          <ProblemMessage error={loaded.error ?? failed} />
          {loaded.data?.items.length === 0 ? <p className="muted">{t('notificationsEmpty')}</p> : null}
          <ul>
            {loaded.data?.items.map((n) => (
              <li key={n.id} className={n.acknowledgedAt ? 'read' : 'unread'} data-notification={n.id}>
                <p>{lang === 'en' ? n.text.en : n.text.zh}</p>
                <span className="muted">{formatInstant(n.createdAt, lang)}</span>{' '}
                {n.acknowledgedAt ? (
                  <span className="muted">{t('acknowledged')}</span>
                ) : (
                  <button onClick={() => void acknowledge(n)}>{t('acknowledge')}</button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
