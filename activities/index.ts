import type { Database } from '../infra/database';
import { calendarActivities } from './calendar';
import { caseRecordActivities } from './caseRecords';

export function createActivities(db: Database) {
  return { ...caseRecordActivities(db), ...calendarActivities(db) };
}
