/**
 * The demo enrolment (emulator/seed/service.ts; docs/service.md): the party of 万卫罚立〔2026〕1号 is bound to
 * `demo-party-1` after the officer's confirmation with the signed 确认书 in the register, an open invitation waits,
 * and the ledger verifies with the enrolments and bindings on it (REC-16).
 */
import { sdk } from '../../emulator/storage/helpers';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { bindingsOfCaller } from '../../../server/features/service/bindings';
import type { Database } from '../../../server/platform/cloudbase';

const t = useSeededEmulator();

it('seeds one enrolled party and one open invitation, and the ledger verifies', async () => {
  const bindings = await bindingsOfCaller(sdk().database() as unknown as Database, 'demo-party-1');
  expect(bindings).toHaveLength(1);
  const listed = await t.call.staff(OFFICER, 'service.enrolments', { caseId: bindings[0]!.caseId });
  expect(listed.data.items.map((i: { status: string }) => i.status)).toEqual(['invited', 'active']);
  expect(listed.data.items[1]).toMatchObject({ caseNo: '万卫罚立〔2026〕1号', scope: 'party' });
  const mine = await t.call.citizen('demo-party-1', 'service.myEnrolments', {});
  expect(mine.data.items).toHaveLength(1);
  const verified = await verifyAllVia(t.emu);
  expect(verified.breaks).toEqual([]);
  expect(verified.ok).toBe(true);
});
