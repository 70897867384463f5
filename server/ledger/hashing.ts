/** The hash functions verification is given (core/ledger/verify.ts): the algorithms this deployment supports. */
import type { Hasher, ValueHasher } from '../../core/ledger/verify';
import { hashText, hashValue, type HashAlgorithm } from '../platform/crypto';

const SUPPORTED: readonly string[] = ['sha256'] satisfies readonly HashAlgorithm[];

export const ledgerHasher: Hasher = (alg, text) =>
  SUPPORTED.includes(alg) ? hashText(text, alg as HashAlgorithm) : undefined;

export const ledgerValueHasher: ValueHasher = (alg, value) =>
  SUPPORTED.includes(alg) ? hashValue(value, alg as HashAlgorithm) : undefined;
