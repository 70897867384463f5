/**
 * Full-text publication through the emulator (PUB-7 second form, seed Art. 16; 法释〔2016〕19号
 * Art. 10 redaction): an entry chosen for full text cannot go past review - nor be approved - until a reviewer
 * confirmed its removals, and the published text holds none of the party's known data in any spelling.
 */
import { leakScan } from '../../../core/redaction';
import { ADULT_ID } from '../../core/publication/fixtures';
import { useSeededEmulator } from '../complaint/helpers';
import { create, OFFICE, personPenalty, PREPARER, PRINCIPAL, REVIEWER } from './helpers';
import {
  confirm,
  DECISION_TEXT,
  folded,
  KNOWN_FOLDED,
  passFromSubmitted,
  preview,
  setText,
} from './fulltext-helpers';

const ctx = useSeededEmulator();

const KNOWN = [
  {
    names: ['张三丰'],
    idNumbers: [ADULT_ID],
    phones: ['13912345678'],
    addresses: ['重庆市渝中区解放碑街道民族路88号3-2'],
  },
];

describe('full-text publication: the reviewer confirms the removals first (PUB-7)', () => {
  it('refuses review, forward and approval until a reviewer confirmed; then publishes the redacted text', async () => {
    const id = await create(ctx.call, personPenalty());
    expect(await setText(ctx.call, id)).toMatchObject({ ok: true, data: { version: 1, confirmed: false } });
    expect((await ctx.call.staff(PREPARER, 'publication.submit', { id })).ok).toBe(true);

    const review = await ctx.call.staff(REVIEWER, 'publication.review', { id });
    expect(review).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(review.error.message).toContain('确认删除内容');
    // The entry says why review is not offered (PUB-7).
    const entry = await ctx.call.staff(REVIEWER, 'publication.staffGet', { id });
    expect(entry.data.allowedSteps).not.toContain('review');
    expect(entry.data.fullTextWaiting).toContain('确认删除内容');
    // Nor can anyone skip ahead.
    expect((await ctx.call.staff(OFFICE, 'publication.forward', { id })).ok).toBe(false);
    expect((await ctx.call.staff(PRINCIPAL, 'publication.approve', { id })).ok).toBe(false);

    // The preparer is not the reviewer (separation of duty, PUB-11).
    const byPreparer = await ctx.call.staff(PREPARER, 'publication.confirmRemovals', {
      id,
      version: 1,
      removals: [],
    });
    expect(byPreparer.ok).toBe(false);

    expect(await confirm(ctx.call, id)).toMatchObject({ ok: true, data: { confirmed: true } });
    await passFromSubmitted(ctx.call, id);

    const got = await ctx.call.publicCall('publication.get', { id });
    expect(got.ok).toBe(true);
    const text: string = got.data.fullText;
    expect(text).toContain('张某');
    expect(text).toContain('《中华人民共和国医师法》第五十九条');
    expect(text).toContain('罚款3万元');
    for (const k of KNOWN_FOLDED) expect(folded(text)).not.toContain(k);
    expect(leakScan(text, KNOWN)).toEqual([]);
    // The list never carries the full text.
    const list = await ctx.call.publicCall('publication.list', { pageSize: 50 });
    expect(JSON.stringify(list.data)).not.toContain('行政处罚决定书\n');
  });

  it('shows the preview with every removal and highlight and records who confirmed what', async () => {
    const id = await create(ctx.call, personPenalty());
    await setText(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    const before = await preview(ctx.call, id);
    expect(before.canConfirm).toBe(true);
    expect(before.fullText.removals.length).toBeGreaterThanOrEqual(8);
    const kinds = new Set(before.fullText.removals.map((r: any) => r.kind));
    for (const k of ['name', 'idNumber', 'phone', 'homeAddress']) expect(kinds).toContain(k);
    expect(before.fullText.confirmed).toBeNull();

    // The reviewer adds a span of their own (the date the party stated) and confirms.
    const at = DECISION_TEXT.indexOf('2026年10月20日');
    const chosen = [
      ...before.fullText.proposed.map((s: any) => ({ start: s.start, end: s.end, kind: s.kind })),
      { start: at, end: at + '2026年10月20日'.length, kind: 'financial' },
    ].sort((a, b) => a.start - b.start);
    expect((await confirm(ctx.call, id, chosen)).ok).toBe(true);
    const after = await preview(ctx.call, id);
    expect(after.fullText.confirmed).toMatchObject({ byMe: true, added: 1, undone: 0 });
    expect(after.fullText.history).toHaveLength(1);
    expect(after.fullText.preview).toContain('［财产状况信息已隐去］');
    // The preparer sees the confirmation too, not as theirs.
    expect((await preview(ctx.call, id, PREPARER)).fullText.confirmed.byMe).toBe(false);
  });

  it('refuses a confirmation that undoes the removal of known data (any leak blocks, PUB-7)', async () => {
    const id = await create(ctx.call, personPenalty());
    await setText(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    const p = await preview(ctx.call, id);
    const withoutPhone = p.fullText.proposed
      .filter((s: any) => s.kind !== 'phone')
      .map((s: any) => ({ start: s.start, end: s.end, kind: s.kind }));
    const res = await confirm(ctx.call, id, withoutPhone);
    expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(res.error.message).toContain('电话号码');
    expect(JSON.stringify(res.error)).not.toContain('139');
    expect((await ctx.call.staff(REVIEWER, 'publication.review', { id })).ok).toBe(false);
  });

  it('asks for a new confirmation when the text changes, and refuses a stale one (CONFLICT)', async () => {
    const id = await create(ctx.call, personPenalty());
    await setText(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    expect((await confirm(ctx.call, id)).ok).toBe(true);
    // Sent back, the preparer replaces the text: the confirmation no longer holds.
    await ctx.call.staff(REVIEWER, 'publication.reject', { id, comment: '全文缺少救济途径，请补充' });
    expect((await setText(ctx.call, id, DECISION_TEXT + '\n（补充）')).data).toMatchObject({
      version: 2,
      confirmed: false,
    });
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    expect((await ctx.call.staff(REVIEWER, 'publication.review', { id })).ok).toBe(false);
    const stale = await ctx.call.staff(REVIEWER, 'publication.confirmRemovals', {
      id,
      version: 1,
      removals: [],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await confirm(ctx.call, id)).ok).toBe(true);
    await passFromSubmitted(ctx.call, id);
  });

  it('takes only a draft text from the preparer, never a PDF, with a message naming the field', async () => {
    const id = await create(ctx.call, personPenalty());
    const pdf = await setText(ctx.call, id, '%PDF-1.7 ' + 'x'.repeat(40));
    expect(pdf).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(pdf.error)).toContain('PDF');
    const byReviewer = await ctx.call.staff(REVIEWER, 'publication.setFullText', { id, text: DECISION_TEXT });
    expect(byReviewer.ok).toBe(false);
    const unknownCase = await setText(ctx.call, id, DECISION_TEXT, { caseNo: '渝中卫罚立〔2026〕999号' });
    expect(unknownCase).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(unknownCase.error)).toContain('案件编号');
    await setText(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    expect((await setText(ctx.call, id, DECISION_TEXT + '。')).ok).toBe(false);
  });

  it("publishes a withdrawal reason with the party's data removed (PUB-7)", async () => {
    const id = await create(ctx.call, personPenalty());
    await setText(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    await confirm(ctx.call, id);
    await passFromSubmitted(ctx.call, id);
    await ctx.call.staff(PREPARER, 'publication.noteChange', {
      id,
      change: 'revoked',
      effectiveOn: new Date().toISOString().slice(0, 10),
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    const w = await ctx.call.staff(PREPARER, 'publication.withdraw', {
      id,
      reason: '经复议，张三丰（电话13912345678）提交的证据足以推翻原认定，原决定已撤销',
    });
    expect(w.ok).toBe(true);
    expect((await ctx.call.staff(REVIEWER, 'publication.publishWithdrawalReason', { id })).ok).toBe(true);
    const got = await ctx.call.publicCall('publication.get', { id });
    expect(got.data.withdrawn).toBe(true);
    const reason: string = got.data.notice.reason;
    expect(reason).toContain('原决定已撤销');
    for (const k of KNOWN_FOLDED) expect(folded(reason)).not.toContain(k);
    expect(got.data.fullText).toBeUndefined();
  });
});
