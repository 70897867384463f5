/** Builds the function bundles once, so tests exercise what would be deployed. */
export default async function globalSetup(): Promise<void> {
  const { build } = await import('../scripts/build');
  await build({ quiet: true });
}
