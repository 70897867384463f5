/** Certificate numbers and the status the public sees when verifying an officer (PUB-4). */
import { normalizeCertNo, shortIdFromScene } from '../../../core/officer/cert-no';
import { OFFICER_STATUS_LABELS, officerStatusAt, officerStatusDate } from '../../../core/officer/status';

const cert = { status: 'active' as const, validFrom: '2024-01-01', validUntil: '2026-06-30' };

describe('officerStatusAt', () => {
  it('is valid through the last day in Shanghai and expired from the next Shanghai midnight', () => {
    expect(officerStatusAt(cert, new Date('2026-06-30T15:59:59Z'))).toBe('active'); // 23:59:59 in Shanghai
    expect(officerStatusAt(cert, new Date('2026-06-30T16:00:00Z'))).toBe('expired'); // 00:00 on 1 July
  });
  it('is not yet valid before the start date', () => {
    expect(officerStatusAt(cert, new Date('2023-12-31T12:00:00+08:00'))).toBe('notYetValid');
  });
  it('lets suspension, revocation and cancellation outrank the dates', () => {
    const later = new Date('2030-01-01T00:00:00+08:00');
    expect(officerStatusAt({ ...cert, status: 'revoked' }, later)).toBe('revoked');
    expect(officerStatusAt({ ...cert, status: 'suspended' }, later)).toBe('suspended');
    expect(officerStatusAt({ ...cert, status: 'cancelled' }, later)).toBe('cancelled');
  });
});

// 暂扣 for a held-back certificate, 吊销 (a sanction) apart from 注销 (transfer, retirement).
describe('status labels and dates', () => {
  it('uses the legal terms', () => {
    expect(OFFICER_STATUS_LABELS).toMatchObject({
      suspended: '已暂扣',
      revoked: '已吊销',
      cancelled: '已注销',
    });
  });
  it('dates a held-back, revoked or cancelled certificate by its record, an expired one by its last day', () => {
    const now = new Date('2027-01-01T12:00:00+08:00');
    expect(officerStatusDate({ ...cert, status: 'cancelled', statusDate: '2026-03-01' }, now)).toBe(
      '2026-03-01',
    );
    expect(officerStatusDate({ ...cert, status: 'suspended', statusDate: '2026-02-01' }, now)).toBe(
      '2026-02-01',
    );
    expect(officerStatusDate(cert, now)).toBe('2026-06-30');
    expect(officerStatusDate(cert, new Date('2025-01-01T12:00:00+08:00'))).toBeNull();
    // Records from before dates were kept: unknown, not invented.
    expect(officerStatusDate({ ...cert, status: 'revoked' }, now)).toBeNull();
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
