/**
 * The record shapes the next workflow types build on, declared now so their issues add behaviour, not structure
 * (PUB-13: updates and withdrawals; REC-12: disposal after retention; REC-14: approved access to archives).
 */

/** A live version and a pending one side by side; the pending one takes effect on its date (or on approval). */
export interface Versioned<T> {
  live: (T & { version: number; effectiveFrom: string }) | null;
  pending: (T & { version: number; effectiveFrom: string }) | null;
}

/** A list of records proposed for disposal at the end of their retention, approved item by item (a fan-out). */
export interface DisposalList {
  unitId: string;
  /** The records, each with the retention rule that ends and the result of its approval. */
  items: Array<{ ref: string; retentionRule: string; decision: 'pending' | 'dispose' | 'keep' }>;
}

/** A request to see archived records: who, which records, why, for how long; approved by the unit head. */
export interface AccessRequest {
  unitId: string;
  requester: string;
  refs: string[];
  purpose: string;
  /** Access granted until this date (ISO); views after it are refused and recorded on the access chain. */
  until: string | null;
}
