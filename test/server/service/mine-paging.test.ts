/**
 * "我的送达文书" in pages (REC-7): a party with more documents than one page gets them newest first with a cursor,
 * and the next page continues without repeating or skipping one. Serving alone: the recipient is bound with
 * test/helpers/service-binding.ts (the enrolment flow is covered end to end in end-to-end.test.ts).
 */
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER, openCase } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { MINE_PAGE } from '../../../server/features/service/party';
import { documentOnCase, newPartyOpenid, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();

it('pages the served documents newest first, with a cursor to the next page', async () => {
  const kase = await openCase(t.call);
  const openid = newPartyOpenid();
  await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id });
  const served: string[] = [];
  for (let i = 0; i < MINE_PAGE + 2; i++) {
    // One minute apart, so "newest first" is a strict order.
    await setClock(t, new Date(Date.parse(SERVED_AT) + i * 60_000).toISOString());
    const recordId = await documentOnCase(t, kase.id, 'priorNotice');
    const issued = await t.call.staff(OFFICER, 'service.issue', {
      recordId,
      penalties: [{ kind: 'suspendBusiness' }],
    });
    expect(issued).toMatchObject({ ok: true });
    served.push(issued.data.id);
  }
  const first = await t.call.citizen(openid, 'service.mine');
  expect(first.data.items).toHaveLength(MINE_PAGE);
  expect(first.data.nextCursor).toEqual(expect.any(String));
  const second = await t.call.citizen(openid, 'service.mine', { cursor: first.data.nextCursor });
  expect(second.data).toMatchObject({ nextCursor: null });
  const ids = [...first.data.items, ...second.data.items].map((r: { id: string }) => r.id);
  expect(ids).toEqual([...served].reverse());
});
