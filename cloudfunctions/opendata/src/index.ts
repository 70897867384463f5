/** Deployable entry of the `opendata` cloud function; the logic lives in server/functions/opendata.ts. */
export { main } from '../../../server/functions/opendata';
