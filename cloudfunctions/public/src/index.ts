/** Deployable entry of the `public` cloud function; the logic lives in server/functions/public.ts. */
export { main } from '../../../server/functions/public';
