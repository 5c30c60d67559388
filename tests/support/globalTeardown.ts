export default async function globalTeardown(): Promise<void> {
  const started = globalThis as { __greenlane?: { stop(): Promise<void> } };
  const servers = started.__greenlane;
  delete started.__greenlane;
  await servers?.stop();
}
