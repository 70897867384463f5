/** Deployable entry of the `citizen` cloud function; the logic lives in server/functions/citizen.ts. */
export { main } from '../../../server/functions/citizen';
