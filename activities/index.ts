import type { Database } from '../infra/database';
import { createSandboxAdapters, type Adapters } from './adapters';
import { branchWorkActivities } from './branchWork';
import { calendarActivities } from './calendar';
import { caseProgressActivities } from './caseProgress';
import { caseRecordActivities } from './caseRecords';
import { sciTechActivities } from './sciTech';

export function createActivities(db: Database, adapters: Adapters = createSandboxAdapters(db)) {
  return {
    ...caseRecordActivities(db),
    ...calendarActivities(db),
    ...caseProgressActivities(db),
    ...branchWorkActivities(adapters),
    ...sciTechActivities(db),
  };
}
