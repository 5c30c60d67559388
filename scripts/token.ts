// `npm run token -- <user>`: a development bearer token for one of the seeded users.
import { mintDevToken } from '../api/auth/verifier';
import { loadConfigOrExit } from '../infra/config';
import { DEV_USERS } from '../infra/devUsers';

async function main() {
  const config = loadConfigOrExit();
  if (config.env === 'production') throw new Error('Development tokens are not available in production');
  const user = DEV_USERS.find((u) => u.sub === process.argv[2]);
  if (!user) {
    console.error(`usage: npm run token -- <user>\nusers:\n${DEV_USERS.map((u) => `  ${u.sub.padEnd(18)} ${u.role.padEnd(17)} ${u.name}`).join('\n')}`);
    process.exit(2);
  }
  process.stdout.write(`${await mintDevToken(config, user)}\n`);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
