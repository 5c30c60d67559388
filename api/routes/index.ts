// Every route the API serves, each declared once (route.ts), in the order the document lists them.
import type { RouteSpec } from '../contract';
import { AUDIT_ROUTES } from './audit';
import { CALENDAR_ROUTES } from './calendar';
import { CASE_ACTION_ROUTES } from './caseActions';
import { CASE_ROUTES } from './cases';
import { CONSULTATION_ROUTES } from './consultations';
import { CONTRACT_ROUTES } from './contract';
import { FIRM_APPLICATION_ROUTES } from './firmApplications';
import { FIRM_CASE_ROUTES } from './firmCases';
import { FIRM_ROUTES } from './firms';
import { HEALTH_ROUTES } from './health';
import { MATCHING_EVENT_ROUTES } from './matchingEvents';
import { LEAD_ROUTES } from './leads';
import { NOTIFICATION_ROUTES } from './notifications';
import { REFERENCE_ROUTES } from './reference';
import { REPORT_ROUTES } from './reports';
import { operationsOf, type Route } from './route';
import { SCREENING_ROUTES } from './screening';
import { SIGN_IN_ROUTES } from './signIn';
import { SLA_ROUTES } from './sla';
import { STAFF_ROUTES } from './staff';
import { SURVEY_NETWORK_ROUTES } from './surveyNetwork';
import { VISIT_ROUTES } from './visits';

export const ROUTES: readonly Route[] = [
  ...HEALTH_ROUTES,
  ...CONTRACT_ROUTES,
  ...SIGN_IN_ROUTES,
  ...CASE_ROUTES,
  ...CASE_ACTION_ROUTES,
  ...FIRM_CASE_ROUTES,
  ...FIRM_APPLICATION_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...FIRM_ROUTES,
  ...CALENDAR_ROUTES,
  ...REFERENCE_ROUTES,
  ...SLA_ROUTES,
  ...REPORT_ROUTES,
  ...CONSULTATION_ROUTES,
  ...SURVEY_NETWORK_ROUTES,
  ...VISIT_ROUTES,
  ...SCREENING_ROUTES,
  ...MATCHING_EVENT_ROUTES,
  ...LEAD_ROUTES,
  ...AUDIT_ROUTES,
  ...STAFF_ROUTES,
];

/** What the document lists: one operation per route, or one per variant (a task's completion). */
export const OPERATIONS: readonly RouteSpec[] = ROUTES.flatMap(operationsOf);

export { mountRoutes, route, type Route } from './route';
