export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __greenlane?: { stop(): Promise<void> } }).__greenlane?.stop();
}
