// PostgreSQL itself refusing some rows for a while, as a full disk or a revoked grant would: a
// trigger raises on every insert into the table whose new row meets the condition.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../infra/database';

/**
 * Refuses inserts into `table` while `when` (plpgsql over NEW) holds, until the returned undo()
 * is called. The condition is checked in the trigger's body, so it may read other tables.
 */
export async function refuseInserts(db: Database, table: string, when: string, message: string): Promise<() => Promise<void>> {
  const refuse = `refuse_${randomUUID().replace(/-/g, '')}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${refuse}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${refuse} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${refuse}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${refuse} ON ${table}`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${refuse}()`);
  };
}
