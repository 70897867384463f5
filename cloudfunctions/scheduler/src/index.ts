/** Deployable entry of the `scheduler` cloud function; the logic lives in server/functions/scheduler.ts. */
export { main } from '../../../server/functions/scheduler';
