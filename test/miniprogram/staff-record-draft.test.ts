/**
 * The staff record page keeps a draft (like the citizen form): each change is stored, an earlier
 * draft is offered again on opening, 清空重填 starts over, recording forgets it, and a stale or malformed draft is
 * ignored (it holds the complainant's contact, so it lives a day at most).
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import {
  fromRecordDraft,
  RECORD_DRAFT_KEY,
  RECORD_DRAFT_MAX_AGE_MS,
} from '../../miniprogram/pages/staff/complaint-record/draft';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const RECORD = 'pages/staff/complaint-record/index';

/** Storage backed by a map and dialogs answered with `confirm`. */
async function scriptWx(page: Rendered, storage: Record<string, unknown> = {}) {
  await page.page.evaluate((initial) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __store: Record<string, unknown> };
    w.__store = { ...initial };
    Object.assign(w.wx, {
      getStorageSync: (k: string) => w.__store[k] ?? '',
      setStorageSync: (k: string, v: unknown) => {
        w.__store[k] = JSON.parse(JSON.stringify(v));
      },
      removeStorageSync: (k: string) => {
        delete w.__store[k];
      },
      showModal: (o: { success?: (r: { confirm: boolean }) => void }) => o.success?.({ confirm: true }),
    });
  }, storage);
}

const stored = (page: Rendered) =>
  page.page.evaluate(
    (key) => (globalThis as unknown as { __store: Record<string, any> }).__store[key],
    RECORD_DRAFT_KEY,
  );

describe('staff record page draft', () => {
  it('saves each change and offers it again when the page opens', async () => {
    const page = await harness.render(RECORD);
    await scriptWx(page);
    await page.invoke('onSource', tap({ source: 'hotline12345' }));
    await page.invoke('onField', typed('GD-2026-1127-001', 'sourceRef'));
    await page.invoke('onField', typed('某某游泳馆', 'subjectName'));
    const draft = await stored(page);
    expect(draft.form).toMatchObject({
      source: 'hotline12345',
      sourceRef: 'GD-2026-1127-001',
      subjectName: '某某游泳馆',
    });

    const again = await harness.render(RECORD);
    await scriptWx(again, { [RECORD_DRAFT_KEY]: draft });
    await again.invoke('onLoad', {});
    const text = await again.text();
    expect(text).toContain('已恢复上次未登记的内容');
    expect(text).toContain('清空重填');
    await again.invoke('onDiscardDraft');
    expect(await stored(again)).toBeUndefined();
    expect(await again.text()).not.toContain('已恢复上次未登记的内容');
  });

  it('forgets the draft once the complaint is recorded', async () => {
    harness.answer = () => ({
      ok: true,
      data: {
        id: 'cmp_0123456789abcdef01234567',
        trackingNo: 'TS20261127-7KQ4MX',
        acceptanceDueDate: '2026-12-08',
      },
    });
    const page = await harness.render(RECORD);
    await scriptWx(page);
    await page.invoke('onSource', tap({ source: 'phone' }));
    await page.invoke('onKind', tap({ kind: 'report' }));
    await page.invoke('onCategory', tap({ category: '公共场所' }));
    await page.invoke('onField', typed('某某游泳馆', 'subjectName'));
    await page.invoke('onField', typed('北山大道 1 号', 'subjectAddress'));
    await page.invoke('onField', typed('游泳池水浑浊有异味，没有消毒记录。', 'description'));
    await page.invoke('onField', typed('张三丰', 'contactName'));
    await page.invoke('onField', typed('13987654321', 'contactPhone'));
    expect(await stored(page)).toBeDefined();
    await page.invoke('onSubmit');
    expect(harness.calls.map((c) => c.event.action)).toEqual(['complaint.record']);
    expect(await stored(page)).toBeUndefined();
  });
});

describe('fromRecordDraft', () => {
  const now = Date.parse('2026-11-30T02:00:00Z');
  it('ignores a stale, malformed or empty draft and keeps only fields of the right type', () => {
    const form = { source: 'letter', subjectName: '某某诊所', description: 42, unknown: 'x' };
    expect(fromRecordDraft({ savedAt: now - RECORD_DRAFT_MAX_AGE_MS - 1, form }, now)).toBeNull();
    expect(fromRecordDraft('junk', now)).toBeNull();
    expect(fromRecordDraft({ savedAt: now, form: {} }, now)).toBeNull();
    const restored = fromRecordDraft({ savedAt: now, form }, now)!;
    expect(restored).toMatchObject({ source: 'letter', subjectName: '某某诊所', description: '' });
    expect(restored).not.toHaveProperty('unknown');
  });
});
