/**
 * The ledger's MAC: events and batches carry an HMAC of their hash under LEDGER_MAC_KEY, a key that lives only in
 * the functions' environment (never in the database). Whoever can write the database can recompute plain hashes,
 * but not the MACs, so a consistent rewrite of a chain still shows (REC-16). HMAC-SHA256 now; the algorithm id
 * travels with each hash, so SM3-HMAC can be added beside it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function key(): Buffer {
  const raw = process.env.LEDGER_MAC_KEY;
  if (!raw || raw.length < 32) throw new Error('LEDGER_MAC_KEY is not configured (32+ characters)');
  return Buffer.from(raw, 'utf8');
}

export function ledgerMac(hash: string): string {
  return createHmac('sha256', key()).update(hash, 'utf8').digest('hex');
}

export function macMatches(hash: string, mac: unknown): boolean {
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(ledgerMac(hash), 'hex'), Buffer.from(mac, 'hex'));
}
