// The browser tests' set-up: the shared servers, and the console built from web/ into
// web/dist. Here, in jest's own process before any e2e file starts, so files running in
// parallel only read the build; and only when an e2e file runs, so no other test waits on vite.
import { ensureConsoleBuilt } from '../../web/ensureBuilt';
import startServers from '../support/globalSetup';

export default async function e2eGlobalSetup(): Promise<void> {
  await startServers();
  ensureConsoleBuilt();
}
