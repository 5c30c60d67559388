// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { loadConfigOrExit } from '../infra/config';
import { createDatabase } from '../infra/database';
import { migrate } from '../infra/migrate';
import { seedReferenceData } from '../infra/seed';

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  const applied = await migrate(config.databaseUrl);
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
  const db = createDatabase(config.databaseUrl, 2);
  await seedReferenceData(db, { devStaff: config.env !== 'production' });
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
