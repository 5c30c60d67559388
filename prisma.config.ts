// Prisma CLI configuration. The JS schema engine (through the pg driver adapter)
// keeps `prisma generate` and `prisma migrate diff` from downloading the native
// schema engine, which this project's machines cannot reach. Migrations are
// applied by scripts/migrate.ts, not by `prisma migrate deploy` (see docs/dependencies.md).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/greenlane' }),
});
