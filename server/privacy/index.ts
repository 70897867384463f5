/** Per-record encryption of personal data that may have to be erased (PIPL Art. 19, 47). */
export {
  erasePersonalData,
  openPersonalData,
  sealPersonalData,
  ERASURE_COLLECTION,
  type ErasureMeta,
  type SealedPersonalData,
} from './personal-data';
export { RECORD_KEY_COLLECTION } from './keys';
