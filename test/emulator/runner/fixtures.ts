/** The runner tests' fixture functions: small plain-CommonJS bundles with their config.json. */
import path from 'node:path';

export const FIXTURE_FUNCTIONS_DIR = path.resolve(__dirname, '../../fixtures/cloudfunctions');
