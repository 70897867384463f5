/** The service-date rule fixed on a service (REC-7; docs/service-rights.md "Service date"). */
import { serviceDate } from '../../../core/service';

const arrivedAt = new Date('2026-03-02T01:00:00Z');
const firstOpenedAt = new Date('2026-03-03T02:00:00Z');
const acknowledgedAt = new Date('2026-03-04T03:00:00Z');

describe('serviceDate', () => {
  it('default rule: the first opening when it comes before the acknowledgement', () => {
    expect(serviceDate('firstOpenOrAcknowledge', { arrivedAt, firstOpenedAt, acknowledgedAt })).toEqual({
      at: firstOpenedAt,
      date: '2026-03-03',
      by: 'firstOpen',
    });
  });

  it('default rule: the acknowledgement when no opening was recorded first', () => {
    const early = new Date('2026-03-02T05:00:00Z');
    expect(
      serviceDate('firstOpenOrAcknowledge', { arrivedAt, firstOpenedAt, acknowledgedAt: early })?.by,
    ).toBe('acknowledge');
    expect(serviceDate('firstOpenOrAcknowledge', { arrivedAt, acknowledgedAt })?.date).toBe('2026-03-04');
  });

  it('default rule: arrival alone is no service (a push that may never have been seen)', () => {
    expect(serviceDate('firstOpenOrAcknowledge', { arrivedAt })).toBeUndefined();
  });

  it('the alternative rules: acknowledgement only, or arrival', () => {
    expect(serviceDate('acknowledge', { arrivedAt, firstOpenedAt })).toBeUndefined();
    expect(serviceDate('acknowledge', { arrivedAt, firstOpenedAt, acknowledgedAt })?.by).toBe('acknowledge');
    expect(serviceDate('arrival', { arrivedAt, firstOpenedAt, acknowledgedAt })).toEqual({
      at: arrivedAt,
      date: '2026-03-02',
      by: 'arrival',
    });
  });

  it('the date is the Shanghai date of the instant (16:00Z is already the next day)', () => {
    expect(serviceDate('arrival', { arrivedAt: new Date('2026-03-02T16:00:00Z') })?.date).toBe('2026-03-03');
  });
});
