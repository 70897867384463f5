/**
 * The owner's steps on their own complaint (PUB-3), through the emulator: add material (text and photos) while
 * open, rate once when over, withdraw (a complaint ends; a report is recorded and stays open). Owner-only
 * (another openid gets NOT_FOUND, REC-14), idempotent on requestId, limited; the detail answer carries the next
 * step, the owner's photo URLs and the steps open to them; `complaint.terms` states the periods in force.
 */
import { randomUUID } from 'node:crypto';
import { jpegWithGps } from './images';
import { newOpenid, storedComplaint, submission, uploadPhoto, useSeededEmulator } from './helpers';

const ctx = useSeededEmulator();
const UNIT_HEAD = 'demo-unit-head';

async function submitted(overrides: Record<string, unknown> = {}) {
  const openid = newOpenid();
  const res = await ctx.call.citizen(openid, 'complaint.submit', submission(overrides));
  expect(res.ok).toBe(true);
  const trackingNo = res.data.trackingNo as string;
  const id = (await storedComplaint(trackingNo))._id as string;
  return { openid, trackingNo, id };
}

const staffStep = async (action: string, payload: Record<string, unknown>) => {
  const res = await ctx.call.staff(UNIT_HEAD, action, payload);
  expect(res).toMatchObject({ ok: true });
};

describe('complaint.get for the owner', () => {
  it('states the next step with its date, the photo URLs and the steps open now', async () => {
    const openid = newOpenid();
    const fileID = await uploadPhoto(ctx.emu, openid, jpegWithGps());
    const res = await ctx.call.citizen(openid, 'complaint.submit', submission({ photos: [fileID] }));
    const view = (await ctx.call.citizen(openid, 'complaint.get', { trackingNo: res.data.trackingNo })).data;
    expect(view.nextStep).toEqual({ label: '决定是否受理', dueDate: res.data.acceptanceDueDate });
    expect(view.photoUrls).toHaveLength(1);
    expect(view.photoUrls[0]).toMatch(/^https?:\/\//);
    expect(view.citizenSteps).toEqual(['addMaterial', 'withdraw']);
    expect(view).toMatchObject({ rating: null, rejection: null, withdrawnAt: null, materialCount: 0 });
  });

  it('for 不予受理 names the reason and where to go instead', async () => {
    const { openid, trackingNo, id } = await submitted();
    await staffStep('complaint.reject', { id, reason: 'civilDispute' });
    const view = (await ctx.call.citizen(openid, 'complaint.get', { trackingNo })).data;
    expect(view.rejection).toMatchObject({ label: expect.stringContaining('民事纠纷') });
    expect(view.rejection.advice).toContain('人民法院');
    expect(view.nextStep).toBeNull();
    expect(view.citizenSteps).toEqual(['rate']);
  });
});

describe('complaint.addMaterial', () => {
  it('adds text and a cleaned photo while open; the handlers see both', async () => {
    const { openid, trackingNo, id } = await submitted();
    const fileID = await uploadPhoto(ctx.emu, openid, jpegWithGps());
    const res = await ctx.call.citizen(openid, 'complaint.addMaterial', {
      trackingNo,
      text: '补充：该诊所今天仍在营业。',
      photos: [fileID],
    });
    expect(res.ok).toBe(true);
    expect(res.data.materialCount).toBe(1);
    expect(res.data.photoCount).toBe(1);
    expect(res.data.timeline.at(-1)).toMatchObject({
      event: 'materialAdded',
      label: '补充材料',
      text: '补充：该诊所今天仍在营业。（附 1 张图片）',
    });
    const stored = await storedComplaint(trackingNo);
    expect(stored.photos[0].fileID).toMatch(new RegExp(`/private/complaints/${id}/1\\.jpg$`));
    expect(stored._wf.acts.at(-1)).toMatchObject({ step: 'addMaterial' });
    const staffView = (await ctx.call.staff(UNIT_HEAD, 'complaint.get', { id })).data;
    expect(staffView.photos).toHaveLength(1);
  });

  it('is owner-only: another openid is told the complaint does not exist', async () => {
    const { trackingNo } = await submitted();
    const res = await ctx.call.citizen(newOpenid(), 'complaint.addMaterial', {
      trackingNo,
      text: '冒充补充',
    });
    expect(res.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks for text or photos, and takes at most 3 photos at once', async () => {
    const { openid, trackingNo } = await submitted();
    const empty = await ctx.call.citizen(openid, 'complaint.addMaterial', { trackingNo });
    expect(empty.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(empty.error.fields['payload.text']).toBe('请填写补充说明或添加图片');
    const many = await ctx.call.citizen(openid, 'complaint.addMaterial', {
      trackingNo,
      photos: ['cloud://a/1', 'cloud://a/2', 'cloud://a/3', 'cloud://a/4'],
    });
    expect(many.error.fields['payload.photos']).toBe('每次最多补充 3 张图片');
  });

  it('a retried requestId adds once; a sixth addition is refused', async () => {
    const { openid, trackingNo } = await submitted();
    const requestId = randomUUID();
    const first = await ctx.call.citizen(
      openid,
      'complaint.addMaterial',
      { trackingNo, text: '第一次补充' },
      requestId,
    );
    const again = await ctx.call.citizen(
      openid,
      'complaint.addMaterial',
      { trackingNo, text: '第一次补充' },
      requestId,
    );
    expect(again.data.materialCount).toBe(first.data.materialCount);
    for (let i = 2; i <= 5; i++) {
      expect(
        (await ctx.call.citizen(openid, 'complaint.addMaterial', { trackingNo, text: `第${i}次补充` })).ok,
      ).toBe(true);
    }
    const sixth = await ctx.call.citizen(openid, 'complaint.addMaterial', { trackingNo, text: '第六次补充' });
    expect(sixth.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('最多补充 5 次'),
    });
  });

  it('is refused once the matter is closed', async () => {
    const { openid, trackingNo, id } = await submitted();
    await staffStep('complaint.reject', { id, reason: 'noJurisdiction' });
    const res = await ctx.call.citizen(openid, 'complaint.addMaterial', { trackingNo, text: '晚到的补充' });
    expect(res.error).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('complaint.rate', () => {
  it('once after 办结, 1 to 5 with an optional comment', async () => {
    const { openid, trackingNo, id } = await submitted();
    const early = await ctx.call.citizen(openid, 'complaint.rate', { trackingNo, score: 5 });
    expect(early.error).toMatchObject({ code: 'PRECONDITION_FAILED' }); // still open
    await staffStep('complaint.accept', { id });
    await staffStep('complaint.close', { id, result: '已责令整改并处罚款。' });
    const bad = await ctx.call.citizen(openid, 'complaint.rate', { trackingNo, score: 6 });
    expect(bad.error.fields['payload.score']).toBe('请选择 1 至 5 分');
    const rated = await ctx.call.citizen(openid, 'complaint.rate', {
      trackingNo,
      score: 4,
      comment: '处理及时',
    });
    expect(rated.data.rating).toMatchObject({ score: 4, comment: '处理及时' });
    expect(rated.data.citizenSteps).toEqual([]);
    const twice = await ctx.call.citizen(openid, 'complaint.rate', { trackingNo, score: 1 });
    expect(twice.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('只能评价一次'),
    });
    expect((await storedComplaint(trackingNo)).rating.score).toBe(4);
  });
});

describe('complaint.withdraw', () => {
  it('a complaint withdrawn ends its handling: status 已撤回, every clock stopped, no more steps', async () => {
    const { openid, trackingNo, id } = await submitted();
    await staffStep('complaint.accept', { id });
    const res = await ctx.call.citizen(openid, 'complaint.withdraw', { trackingNo, reason: '已与商家和解' });
    expect(res.data).toMatchObject({
      status: 'withdrawn',
      statusLabel: '已撤回',
      nextStep: null,
      citizenSteps: [],
    });
    const stored = await storedComplaint(trackingNo);
    expect(Object.values(stored._wf.clocks).every((c: any) => c.stoppedOn)).toBe(true);
    expect(stored._wf.nextDue).toBeNull();
    const close = await ctx.call.staff(UNIT_HEAD, 'complaint.close', { id, result: '已办结' });
    expect(close.error).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('a report withdrawn is recorded, but stays open for the agency to act on', async () => {
    const { openid, trackingNo, id } = await submitted({ kind: 'report' });
    const res = await ctx.call.citizen(openid, 'complaint.withdraw', { trackingNo });
    expect(res.data).toMatchObject({ status: 'submitted', withdrawnAt: expect.any(String) });
    expect(res.data.timeline.at(-1).text).toContain('仍可依法核查处理');
    expect(res.data.citizenSteps).toEqual(['addMaterial']);
    const again = await ctx.call.citizen(openid, 'complaint.withdraw', { trackingNo });
    expect(again.error).toMatchObject({ code: 'PRECONDITION_FAILED' });
    await staffStep('complaint.accept', { id });
    expect((await storedComplaint(trackingNo)).status).toBe('accepted');
  });

  it('someone else cannot withdraw it', async () => {
    const { trackingNo } = await submitted();
    const res = await ctx.call.citizen(newOpenid(), 'complaint.withdraw', { trackingNo });
    expect(res.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('complaint.terms (public)', () => {
  it('states the periods of the legal settings in force', async () => {
    const res = await ctx.call.publicCall('complaint.terms');
    expect(res.data.periods).toMatchObject({ acceptanceWorkingDays: 7, reporterFeedbackWorkingDays: 5 });
    expect(res.data.settingsVersion).toEqual(expect.any(Number));
  });
});
