/**
 * PUB-7 through the emulator: once the legal settings give the commission's contacts, only those are kept (a
 * person's landline written in a sentence about the commission's investigation is removed), and a long number no
 * rule explains reaches the reviewer's preview as a highlight, not as a silent keep.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { create, personPenalty } from './helpers';
import { preview, setText } from './fulltext-helpers';

const ctx = useSeededEmulator();
const ADMIN = 'demo-admin-1';

const TEXT = [
  '重庆市渝中区卫生健康委员会',
  '行政处罚决定书',
  '当事人：张三丰，联系电话：139-1234-5678。',
  '经本委重新调查核实：实际经营人为当事人之兄（电话023-68215390），当事人仅在该处接受推拿。',
  '当事人称房费由其同事用一张卡 4392 2600 1234 5679 支付。',
  '当事人如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
  '本委联系电话：023-63891234',
].join('\n');

const textsOf = (spans: Array<{ start: number; end: number }>) =>
  spans.map((s) => TEXT.slice(s.start, s.end));

it('keeps only the configured contact, removes the person’s landline, and highlights the unexplained card', async () => {
  const published = await ctx.call.staff(ADMIN, 'settings.publish', {
    values: { authorityContacts: { phones: ['023-63891234'], emails: [], accounts: [], addresses: [] } },
  });
  expect(published.ok).toBe(true);

  const id = await create(ctx.call, personPenalty());
  expect((await setText(ctx.call, id, TEXT)).ok).toBe(true);
  const { fullText } = await preview(ctx.call, id);
  const removed = textsOf(fullText.proposed);
  expect(removed).toContain('023-68215390');
  expect(removed).not.toContain('023-63891234');
  expect(removed).not.toContain('4392 2600 1234 5679');
  const card = fullText.highlights.find((h: any) => TEXT.slice(h.start, h.end) === '4392 2600 1234 5679');
  expect(card?.reason).toContain('未能识别的号码');
});
