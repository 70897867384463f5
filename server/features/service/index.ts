/**
 * Serving documents electronically (REC-7, REC-16, PUB-5; docs/service.md "Serving"): the citizen and scheduler
 * actions; the staff actions are ./staff-actions.ts, so that only the staff function bundles the seal check of
 * service.issue (server/service/signature.ts with asn1js, sm-crypto, fast-xml-parser: about 200 KB minified).
 * Who may receive service is ./bindings.ts (the enrolment writes it).
 */
import { servicePartyActions } from './party';
import { serviceSchedulerActions } from './paper';
import { serviceStatementCitizenActions } from './statements';

export { servicePaperProvider } from './dashboard';
/** The case register's port (case.get): a case's service events with their ledger references. */
export { serviceEventsOfCase } from './case-register';

export const serviceDocumentCitizenActions = {
  ...servicePartyActions,
  ...serviceStatementCitizenActions,
};
export const serviceDocumentSchedulerActions = serviceSchedulerActions;
