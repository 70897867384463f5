/**
 * PUB-7 through the emulator: the commission's own published contacts (phone, e-mail, fine-collection account)
 * are configuration in the legal settings (`authorityContacts`), not guesses. The full-text flow passes them to the
 * redaction engine, which keeps them in any spelling while the party's own phone is still removed; a malformed
 * contact is refused with a Chinese message naming the field.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { create, personPenalty } from './helpers';
import { preview, setText } from './fulltext-helpers';

const ctx = useSeededEmulator();
const ADMIN = 'demo-admin-1';

// The authority's hotline written without its area code and spaced, in a sentence with no authority words around
// it, so that only the configuration can keep it; the party's phone (13912345678) is known data and goes.
const TEXT = [
  '重庆市渝中区卫生健康委员会',
  '行政处罚决定书',
  '当事人：张三丰，联系电话：139-1234-5678。',
  '群众可拨打热线电话4567 8901查询本决定，或发送邮件至WJW_zf@163.com。',
  '罚款缴入账号：6222 0245 6789 0123 456。',
].join('\n');

const removedTexts = (text: string, spans: Array<{ start: number; end: number }>) =>
  spans.map((s) => text.slice(s.start, s.end));

describe('full text: the authority’s contacts from the legal settings are kept (PUB-7)', () => {
  it('removes the hotline as a personal number while no contact is configured', async () => {
    const id = await create(ctx.call, personPenalty());
    expect((await setText(ctx.call, id, TEXT)).ok).toBe(true);
    const removed = removedTexts(TEXT, (await preview(ctx.call, id)).fullText.proposed);
    expect(removed).toContain('4567 8901');
    expect(removed).toContain('WJW_zf@163.com');
    expect(removed).toContain('139-1234-5678');
  });

  it('keeps them in any spelling once the legal section configured them, the party’s phone still goes', async () => {
    const published = await ctx.call.staff(ADMIN, 'settings.publish', {
      values: {
        authorityContacts: {
          phones: ['023-45678901'],
          emails: ['wjw_zf@163.com'],
          accounts: ['6222024567890123456'],
          addresses: [],
        },
      },
    });
    expect(published.ok).toBe(true);

    const id = await create(ctx.call, personPenalty());
    expect((await setText(ctx.call, id, TEXT)).ok).toBe(true);
    const removed = removedTexts(TEXT, (await preview(ctx.call, id)).fullText.proposed);
    expect(removed).toContain('139-1234-5678');
    expect(removed).not.toContain('4567 8901');
    expect(removed).not.toContain('WJW_zf@163.com');
    expect(removed).not.toContain('6222 0245 6789 0123 456');
  });

  it('refuses a malformed contact with a Chinese message, and publishes no version', async () => {
    const before = await ctx.call.staff(ADMIN, 'settings.get');
    const res = await ctx.call.staff(ADMIN, 'settings.publish', {
      values: { authorityContacts: { phones: ['热线'], emails: [], accounts: [], addresses: [] } },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(res.error)).toContain('联系电话');
    expect(JSON.stringify(res.error)).not.toContain('热线');
    expect((await ctx.call.staff(ADMIN, 'settings.get')).data.version).toBe(before.data.version);
  });
});
