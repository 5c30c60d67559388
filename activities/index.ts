import type { Database } from '../infra/database';
import { createSandboxAdapters, type Adapters } from './adapters';
import { branchWorkActivities } from './branchWork';
import { cadenceReportActivities } from './cadenceReports';
import { calendarActivities } from './calendar';
import { caseProgressActivities } from './caseProgress';
import { caseRecordActivities } from './caseRecords';
import { consultationActivities } from './consultations';
import { leadActivities } from './leads';
import { loanPayoutActivities } from './loanPayout';
import { notificationActivities } from './notifications';
import { patentValuationActivities, sciTechRecordActivities } from './sciTech';

export function createActivities(db: Database, adapters: Adapters = createSandboxAdapters(db)) {
  return {
    ...caseRecordActivities(db),
    ...calendarActivities(db),
    ...cadenceReportActivities(db),
    ...caseProgressActivities(db, adapters.notifications),
    ...notificationActivities(db),
    ...branchWorkActivities(adapters),
    ...loanPayoutActivities(adapters.bank),
    ...sciTechRecordActivities(db),
    ...patentValuationActivities(adapters.ipValuation),
    ...consultationActivities(db, adapters.notifications),
    ...leadActivities(db, adapters.notifications),
  };
}
