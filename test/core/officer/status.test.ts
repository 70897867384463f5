/** Certificate numbers and the status the public sees when verifying an officer (PUB-4). */
import { normalizeCertNo, shortIdFromScene } from '../../../core/officer/cert-no';
import { officerStatusAt } from '../../../core/officer/status';

const cert = { status: 'active' as const, validFrom: '2024-01-01', validUntil: '2026-06-30' };

describe('officerStatusAt', () => {
  it('is valid through the last day in Shanghai and expired from the next Shanghai midnight', () => {
    expect(officerStatusAt(cert, new Date('2026-06-30T15:59:59Z'))).toBe('active'); // 23:59:59 in Shanghai
    expect(officerStatusAt(cert, new Date('2026-06-30T16:00:00Z'))).toBe('expired'); // 00:00 on 1 July
  });
  it('is not yet valid before the start date', () => {
    expect(officerStatusAt(cert, new Date('2023-12-31T12:00:00+08:00'))).toBe('notYetValid');
  });
  it('lets suspension and revocation outrank the dates', () => {
    const later = new Date('2030-01-01T00:00:00+08:00');
    expect(officerStatusAt({ ...cert, status: 'revoked' }, later)).toBe('revoked');
    expect(officerStatusAt({ ...cert, status: 'suspended' }, later)).toBe('suspended');
  });
});

describe('certificate numbers and badge scenes', () => {
  it('normalises full-width characters, spaces and case', () => {
    expect(normalizeCertNo(' ｗｚ　００１２ 3 ')).toBe('WZ00123');
  });
  it('reads the short id from a URL-encoded scene and refuses anything else', () => {
    expect(shortIdFromScene('vald2345')).toBe('VALD2345');
    expect(shortIdFromScene(encodeURIComponent('o=VALD2345'))).toBe('VALD2345');
    expect(shortIdFromScene('%E4%B8%AD')).toBeNull();
    expect(shortIdFromScene('%')).toBeNull();
  });
});
