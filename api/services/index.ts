// The use cases the routes call, built once per app from its dependencies. A route parses the
// request, calls one of these and answers; none of them knows HTTP.
import type { RouteSpec } from '../contract';
import type { Metrics } from '../ops';
import { auditTrail } from './audit';
import { cadenceReports } from './cadenceReports';
import { calendarService } from './calendar';
import { calendarYears } from './calendarYears';
import { caseActions } from './caseActions';
import { caseService, type CasesDeps } from './cases';
import { consultationService } from './consultations';
import { publishedContract } from './contract';
import { firmApplicationService } from './firmApplications';
import { firmCaseService } from './firmCases';
import { firmService } from './firms';
import { matchingEventService } from './matchingEvents';
import { readiness } from './health';
import { caseInbox } from './inbox';
import { leadService } from './leads';
import { notificationService } from './notifications';
import { referenceData } from './reference';
import { screeningService } from './screening';
import { signInService, type SignInOptions } from './signIn';
import { slaReports } from './slaReports';
import { staffDirectory } from './staff';
import { surveyNetworkService } from './surveyNetwork';
import { visitService } from './visits';

export interface ServiceDeps extends CasesDeps {
  /** Development sign-in and the console's OIDC provider; absent: neither. */
  signIn?: SignInOptions;
  /** What the routes document, for the published contract. */
  operations: readonly RouteSpec[];
  /** The app's metrics registry, for GET /metrics. */
  metrics: Metrics;
}

export function createServices(deps: ServiceDeps) {
  const cases = caseService(deps);
  return {
    cases,
    caseActions: caseActions(deps, cases.view),
    inbox: caseInbox(deps.db),
    notifications: notificationService(deps.db),
    consultations: consultationService(deps),
    calendar: calendarService(deps.db),
    calendarYears: calendarYears(deps.db, deps.client),
    firms: firmService(deps.db),
    firmCases: firmCaseService(deps.db, cases),
    firmApplications: firmApplicationService(deps.db, cases),
    reference: referenceData(deps.db),
    surveyNetwork: surveyNetworkService(deps.db),
    visits: visitService(deps),
    screening: screeningService(deps.db),
    matchingEvents: matchingEventService(deps),
    leads: leadService(deps),
    sla: slaReports(deps.db),
    reports: cadenceReports(deps),
    signIn: signInService(deps.signIn ?? {}),
    ready: readiness(deps.db, deps.client),
    metrics: deps.metrics,
    contract: publishedContract(deps.operations),
    audit: auditTrail(deps.db),
    staff: staffDirectory(deps.db),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Caller } from './caller';
