/**
 * Disclosure through the actions (PUB-8, seed Art. 17): a minor's entry is never published (refused at submit,
 * and at publish should it get that far); withheld grounds are recorded on the entry; only a commercial-secret or
 * privacy hold may be overridden, by the principal, with a written reason and the impact assessment's record
 * (个人信息保护法 Art. 55).
 */
import { MINOR_ID } from '../../core/publication/fixtures';
import { sdkApp, useSeededEmulator } from '../complaint/helpers';
import {
  companyPenalty,
  create,
  OFFICE,
  passAll,
  personPenalty,
  PREPARER,
  PRINCIPAL,
  publicIds,
  REVIEWER,
} from './helpers';

const ctx = useSeededEmulator();

const minorParty = {
  category: 'person',
  name: '王小明',
  personId: { kind: 'resident', number: MINOR_ID },
};

async function toForwarded(id: string) {
  for (const [who, action] of [
    [PREPARER, 'publication.submit'],
    [REVIEWER, 'publication.review'],
    [OFFICE, 'publication.forward'],
  ] as const) {
    const res = await ctx.call.staff(who, action, { id });
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
  }
}

describe('a minor’s entry is never published (PUB-8)', () => {
  it('records the ground and refuses to submit it', async () => {
    const created = await ctx.call.staff(PREPARER, 'publication.create', {
      entry: personPenalty({ party: minorParty }),
    });
    expect(created).toMatchObject({ ok: true, data: { status: 'draft', withheld: ['minor'] } });
    const res = await ctx.call.staff(PREPARER, 'publication.submit', { id: created.data.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(res.error.message).toContain('未成年人');
  });

  it('refuses to publish an approved entry once its party is known to be a minor', async () => {
    const id = await create(ctx.call, personPenalty());
    await passAll(ctx.call, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    // Learned after approval (the record is changed underneath, as a later correction of the register would).
    await sdkApp().database().collection('publicationEntries').doc(id).update({ 'entry.party.minor': true });
    await ctx.emu.post('/_emulator/clock', { now: new Date(Date.now() + 2 * 3600_000).toISOString() });
    await ctx.emu.post('/timer/scheduler', {});
    expect(await publicIds(ctx.call)).not.toContain(id);
    const stored = (await sdkApp().database().collection('publicationEntries').doc(id).get()).data[0];
    expect(stored.status).toBe('approved');
  });

  it('cannot be overridden by anyone', async () => {
    const id = await create(ctx.call, personPenalty({ party: minorParty }));
    const res = await ctx.call.staff(PRINCIPAL, 'publication.override', {
      id,
      ground: 'publicInterest',
      reason: '涉及重大公共利益，经集体讨论决定公开',
      assessmentId: 'PIA-2026-001',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });
});

describe('withheld entries and overrides (PUB-8)', () => {
  const health = {
    violationType: '传染病病人拒绝隔离治疗',
    basis: '《中华人民共和国传染病防治法》第七十七条',
  };

  it('holds a natural person’s health-revealing penalty for privacy until the principal overrides it', async () => {
    const created = await ctx.call.staff(PREPARER, 'publication.create', { entry: personPenalty(health) });
    expect(created.data.withheld).toEqual(['privacy']);
    const id = created.data.id;
    await toForwarded(id);
    const refused = await ctx.call.staff(PRINCIPAL, 'publication.approve', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(refused.error.message).toContain('个人隐私');

    const shortReason = await ctx.call.staff(PRINCIPAL, 'publication.override', {
      id,
      ground: 'publicInterest',
      reason: '公共利益',
      assessmentId: 'PIA-2026-002',
    });
    expect(shortReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const byOffice = await ctx.call.staff(OFFICE, 'publication.override', {
      id,
      ground: 'publicInterest',
      reason: '疫情防控期间拒绝隔离，公开有利于维护公共卫生安全',
      assessmentId: 'PIA-2026-002',
    });
    expect(byOffice).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const ok = await ctx.call.staff(PRINCIPAL, 'publication.override', {
      id,
      ground: 'publicInterest',
      reason: '疫情防控期间拒绝隔离，公开有利于维护公共卫生安全',
      assessmentId: 'PIA-2026-002',
    });
    expect(ok.ok).toBe(true);
    expect((await ctx.call.staff(PRINCIPAL, 'publication.approve', { id })).ok).toBe(true);
    expect(await publicIds(ctx.call)).toContain(id);
    const stored = (await sdkApp().database().collection('publicationEntries').doc(id).get()).data[0];
    expect(stored.entry.override).toMatchObject({
      approvedBy: 'stf_principal',
      assessmentId: 'PIA-2026-002',
    });
  });

  it('refuses an override sent with the entry by the preparer (PUB-8)', async () => {
    const override = {
      ground: 'publicInterest',
      reason: '涉及重大公共利益，经集体讨论决定公开',
      approvedBy: 'stf_principal',
      assessmentId: 'PIA-2026-009',
    };
    const res = await ctx.call.staff(PREPARER, 'publication.create', {
      entry: personPenalty({ ...health, override }),
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.entry.override']).toContain('主要领导');
  });

  it('never overrides a state secret', async () => {
    const created = await ctx.call.staff(PREPARER, 'publication.create', {
      entry: companyPenalty({ withhold: { stateSecret: true } }),
    });
    expect(created.data.withheld).toEqual(['stateSecret']);
    const res = await ctx.call.staff(PRINCIPAL, 'publication.override', {
      id: created.data.id,
      ground: 'publicInterest',
      reason: '涉及重大公共利益，经集体讨论决定公开',
      assessmentId: 'PIA-2026-003',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    const submit = await ctx.call.staff(PREPARER, 'publication.submit', { id: created.data.id });
    expect(submit).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });
});
