export default async function globalTeardown(): Promise<void> {
  const started = globalThis as { __greenlaneProduction?: { stop(): Promise<void> } };
  const stack = started.__greenlaneProduction;
  delete started.__greenlaneProduction;
  await stack?.stop();
}
