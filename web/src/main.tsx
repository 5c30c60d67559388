import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { currentUser, onSessionChange, signOut, type SessionUser } from './auth/session';
import { CALLBACK_PATH } from './auth/pkce';
import { OidcCallback, SignIn } from './auth/SignIn';
import { EVENT_READERS, NETWORK_KEEPERS, SCREENING_IMPORTERS } from '../../domain/surveyNetwork';
import { I18nProvider, useI18n, type MessageKey } from './i18n';
import { nameOf, ROLES } from './labels';
import { NotificationBell } from './Notifications';
import { BankImport } from './pages/BankImport';
import { CalendarPage } from './pages/Calendar';
import { CaseDetail } from './pages/CaseDetail';
import { CaseList } from './pages/CaseList';
import { ConsultationBoard } from './pages/ConsultationBoard';
import { ConsultationDetail } from './pages/ConsultationDetail';
import { ConsultationImport } from './pages/ConsultationImport';
import { ConsultationList } from './pages/ConsultationList';
import { BankApplications } from './pages/BankApplications';
import { FirmApply } from './pages/FirmApply';
import { FirmCases } from './pages/FirmCases';
import { EventReportPage } from './pages/EventReport';
import { Inbox } from './pages/Inbox';
import { LeadDetail, Leads } from './pages/Leads';
import { MatchingEventPage, MatchingEvents } from './pages/MatchingEvents';
import { NewCase } from './pages/NewCase';
import { RecordVisit } from './pages/RecordVisit';
import { ScreeningImport } from './pages/ScreeningImport';
import { Reports } from './pages/Reports';
import { SlaBoard } from './pages/SlaBoard';
import { SurveyFunnelPage } from './pages/SurveyFunnel';
import { SurveyNetworkPage } from './pages/SurveyNetworkPage';
import { BuildingPage, VisitList } from './pages/VisitList';
import { Visits } from './pages/Visits';
import { Link, navigate, usePath } from './router';
import './styles.css';

type Screen = { path: string; label: MessageKey };

/** Each role's screens; the first is its home. The matching events go to the roles that read them. */
function screensOf(user: SessionUser): Screen[] {
  const events: Screen[] = (EVENT_READERS as readonly string[]).includes(user.role) ? [{ path: '/matching-events', label: 'navEvents' }] : [];
  return [...ownScreensOf(user), ...events];
}

function ownScreensOf(user: SessionUser): Screen[] {
  const cases: Screen = { path: '/cases', label: 'navCases' };
  const inbox: Screen = { path: '/inbox', label: 'navInbox' };
  const consultations: Screen = { path: '/consultations', label: 'navConsultations' };
  const visitList: Screen = { path: '/visit-list', label: 'navVisitList' };
  const visits: Screen = { path: '/visits', label: 'navVisits' };
  const network: Screen = { path: '/survey-network', label: 'navNetwork' };
  const funnel: Screen = { path: '/survey/funnel', label: 'navFunnel' };
  const leads: Screen = { path: '/leads', label: 'navLeads' };
  const screening: Screen = { path: '/screening/import', label: 'navScreening' };
  // Everyone but the assessor reads the visit list and the leads of their reach (a street's, their bank's stations', the district's).
  switch (user.role) {
    case 'case_officer':
      return [cases, { path: '/cases/new', label: 'navNewCase' }, { path: '/cases/new/sci-tech', label: 'navNewSciTech' }, visitList, leads, screening];
    case 'grid_officer':
      return [inbox, cases, visitList, leads];
    case 'assessor':
      return [inbox, cases];
    case 'customer_manager':
      return [inbox, cases, { path: '/firm-applications', label: 'navBankApplications' }, consultations, visitList, leads];
    case 'credit_approver':
      return [inbox, cases, consultations, visitList, leads];
    case 'task_force':
      return [{ path: '/sla', label: 'navSla' }, { path: '/reports', label: 'navReports' }, cases, consultations, visitList, visits, leads, funnel, network, screening];
    case 'manager':
      return [{ path: '/sla', label: 'navSla' }, { path: '/reports', label: 'navReports' }, cases, consultations, visitList, visits, leads, funnel];
    case 'operator':
      return [{ path: '/calendar', label: 'navCalendar' }, cases, leads, network];
    case 'visit_team_member':
    case 'community_coordinator':
      return [visitList, visits, leads];
    case 'survey_officer':
      return [visitList, visits, leads, funnel, network, screening];
    case 'firm':
      return [{ path: '/firm', label: 'navFirmCases' }, { path: '/firm/apply', label: 'navFirmApply' }];
  }
}

function Page({ path, user }: { path: string; user: SessionUser }) {
  const caseMatch = /^\/cases\/(GL-\d{4}-\d{6,})$/.exec(path);
  if (caseMatch) return <CaseDetail id={caseMatch[1]!} user={user} />;
  const batchMatch = /^\/consultations\/batches\/(CB-[A-Z0-9]+)$/.exec(path);
  if (batchMatch) return <ConsultationBoard batchId={batchMatch[1]!} />;
  const consultationMatch = /^\/consultations\/((?:JC|CB)-[A-Z0-9-]+)$/.exec(path);
  if (consultationMatch) return <ConsultationDetail id={consultationMatch[1]!} user={user} />;
  const leadMatch = /^\/leads\/(LD-[0-9A-F]{16})$/.exec(path);
  if (leadMatch) return <LeadDetail id={leadMatch[1]!} user={user} />;
  const eventMatch = /^\/matching-events\/(ME-[0-9A-F]{12})(\/report)?$/.exec(path);
  if (eventMatch && (EVENT_READERS as readonly string[]).includes(user.role)) return eventMatch[2] ? <EventReportPage id={eventMatch[1]!} /> : <MatchingEventPage id={eventMatch[1]!} user={user} />;
  const buildingMatch = /^\/visit-list\/buildings\/([a-z0-9-]+)$/.exec(path);
  if (buildingMatch) return <BuildingPage code={buildingMatch[1]!} user={user} />;
  const firmMatch = /^\/visit-list\/firms\/([0-9a-f-]{36})$/.exec(path);
  if (firmMatch && user.role === 'visit_team_member') return <RecordVisit firmId={firmMatch[1]!} />;
  switch (path) {
    case '/cases/new':
      return <NewCase user={user} product="FAST_TRACK" />;
    case '/cases/new/sci-tech':
      return <NewCase user={user} product="SCI_TECH" />;
    case '/cases':
      return <CaseList user={user} />;
    case '/consultations':
      return <ConsultationList user={user} />;
    case '/consultations/import':
      return user.role === 'task_force' ? <ConsultationImport /> : null;
    case '/inbox':
      return <Inbox user={user} />;
    case '/sla':
      return <SlaBoard />;
    case '/reports':
      return <Reports />;
    case '/calendar':
      return <CalendarPage />;
    case '/firm':
      return user.role === 'firm' ? <FirmCases /> : null;
    case '/firm/apply':
      return user.role === 'firm' ? <FirmApply /> : null;
    case '/firm-applications':
      return user.role === 'customer_manager' ? <BankApplications /> : null;
    case '/visit-list':
      return <VisitList user={user} />;
    case '/visits':
      return <Visits user={user} />;
    case '/leads':
      return <Leads user={user} />;
    case '/survey-network':
      return <SurveyNetworkPage user={user} />;
    case '/survey/funnel':
      return <SurveyFunnelPage />;
    case '/matching-events':
      return (EVENT_READERS as readonly string[]).includes(user.role) ? <MatchingEvents user={user} /> : null;
    case '/survey-network/bank-import':
      return (NETWORK_KEEPERS as readonly string[]).includes(user.role) ? <BankImport /> : null;
    case '/screening/import':
      return (SCREENING_IMPORTERS as readonly string[]).includes(user.role) ? <ScreeningImport user={user} /> : null;
    default:
      return null;
  }
}

function App() {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const [user, setUser] = useState(currentUser);
  useEffect(() => onSessionChange(() => setUser(currentUser())), []);
  const screens = user ? screensOf(user) : [];
  useEffect(() => {
    const start = screens[0]?.path ?? '/';
    if (user && (path === '/' || path === CALLBACK_PATH) && path !== start) navigate(start);
  }, [user, path]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        {user ? (
          <nav>
            {screens.map((s) => (
              <Link key={s.path} to={s.path} className={path === s.path ? 'active' : undefined}>
                {t(s.label)}
              </Link>
            ))}
          </nav>
        ) : null}
        <div className="who">
          {user ? <NotificationBell userId={user.sub} /> : null}
          {user ? (
            <span className="user" data-testid="current-user">
              {user.name} · {nameOf(ROLES, user.role, lang)}
            </span>
          ) : null}
          <button className="link" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('langSwitch')}
          </button>
          {user ? (
            <button
              className="link"
              onClick={() => {
                signOut();
                navigate('/');
              }}
            >
              {t('signOut')}
            </button>
          ) : null}
        </div>
      </header>
      <main>{path === CALLBACK_PATH ? <OidcCallback /> : user ? <Page path={path} user={user} /> : <SignIn />}</main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
