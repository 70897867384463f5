/** Deployable entry of the `staff` cloud function; the logic lives in server/functions/staff.ts. */
export { main } from '../../../server/functions/staff';
