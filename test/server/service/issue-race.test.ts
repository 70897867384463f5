/**
 * Two officers' phones serving the same document at the same moment (REC-7): each call ends ok or with a
 * refusal a user can act on (CONFLICT, PRECONDITION_FAILED), never INTERNAL, and the party sees the document served once.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { sealedPdf } from './signedPdf';
import { caseWithDocument, newPartyOpenid, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();

it('serves one document from three calls at once without INTERNAL', async () => {
  await setClock(t, SERVED_AT);
  const { kase, recordId } = await caseWithDocument(t, 'priorNotice', sealedPdf());
  const openid = newPartyOpenid();
  await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id });
  const answers = await Promise.all(
    [1, 2, 3].map(() =>
      t.call.staff(OFFICER, 'service.issue', { recordId, penalties: [{ kind: 'warning' }] }),
    ),
  );
  for (const a of answers) {
    if (!a.ok) expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(a.error.code);
  }
  const served = answers.filter((a) => a.ok).map((a) => a.data.id as string);
  expect(new Set(served).size).toBe(1); // one document, one service: the others are told CONFLICT
  const mine = await t.call.citizen(openid, 'service.mine', {});
  expect(mine).toMatchObject({ ok: true });
  const ids = (mine.data.items as Array<{ id: string }>).map((i) => i.id);
  expect([...ids].sort()).toEqual([...new Set(served)].sort());
});
