/** `npm run build`: bundles every cloud function (placeholder until the function build lands). */
export async function build(_opts: { quiet?: boolean } = {}): Promise<void> {}

if (require.main === module) {
  build().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
