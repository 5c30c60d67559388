import { useEffect, useState } from 'react';
import { api } from '../api';
import { Loading, ProblemMessage, useLoad } from '../components';
import { useI18n } from '../i18n';
import { nameOf, ROLES } from '../labels';
import { beginSignIn, CALLBACK_PATH, completeSignIn, type OidcClient } from './pkce';
import { signIn } from './session';

interface DevUser {
  id: string;
  name: string;
  role: string;
}
interface SignInOptions {
  devUsers: DevUser[] | null;
  oidc: OidcClient | null;
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

export function SignIn() {
  const { t, lang } = useI18n();
  const options = useLoad(() => api<SignInOptions>('/sign-in/options'), []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const devSignIn = async (userId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      signIn((await api<{ token: string }>('/dev/sign-in', { method: 'POST', body: { userId } })).token);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const oidcSignIn = async (oidc: OidcClient) => {
    setBusy(true);
    try {
      location.assign(await beginSignIn(oidc, redirectUri(), sessionStorage));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const o = options.data;
  return (
    <section className="card narrow">
      <h1>{t('signInTitle')}</h1>
      <Loading loading={options.loading} error={options.error} reload={options.reload} />
      <ProblemMessage error={error} />
      {o?.oidc ? (
        <button className="primary" disabled={busy} onClick={() => void oidcSignIn(o.oidc!)}>
          {t('oidcSignIn')}
        </button>
      ) : null}
      {o?.devUsers ? (
        <>
          <p className="muted">{t('devSignInHint')}</p>
          <ul className="dev-users">
            {o.devUsers.map((u) => (
              <li key={u.id}>
                <button disabled={busy} data-user={u.id} onClick={() => void devSignIn(u.id)}>
                  <strong>{u.name}</strong>
                  <span className="muted">
                    {nameOf(ROLES, u.role, lang)} · {u.id}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o && !o.oidc && !o.devUsers ? <p>{t('noSignIn')}</p> : null}
    </section>
  );
}

// Once per page load: the code can be exchanged only once (React may run effects twice in development).
let completing: Promise<string> | undefined;

/** The provider redirects here with ?code&state. */
export function OidcCallback() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    completing ??= completeSignIn(location.search, sessionStorage);
    completing.then(signIn, setError);
  }, []);
  return <section className="card narrow">{error ? <ProblemMessage error={error} /> : <p>{t('signingIn')}</p>}</section>;
}
