/**
 * Two confirmations for the same party with different recipients at the same instant (REC-7; docs/service.md "Who may
 * receive service"; 行政处罚法 Art. 61: one service address per party): each ends ok or CONFLICT, never INTERNAL, and
 * exactly one recipient is active afterwards, in the bindings and in the enrolments. The party's recipient marker
 * (serviceRecipients/<partyId>) makes the two commits collide.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import {
  caseWithOrganisation,
  enrolled,
  invite,
  newPartyOpenid,
  partyConsents,
  registerConfirmation,
} from './enrol-helpers';

const t = useSeededEmulator();

async function consentedEnrolment(kase: Awaited<ReturnType<typeof caseWithOrganisation>>) {
  const openid = newPartyOpenid();
  const inv = await invite(t.call, kase.id);
  await partyConsents(t.call, openid, inv.enrolmentId, inv.code, kase.party);
  return { openid, enrolmentId: inv.enrolmentId, records: await registerConfirmation(t.call, kase.id) };
}

async function confirmAtOnce(kase: Awaited<ReturnType<typeof caseWithOrganisation>>, n: number) {
  const waiting = [];
  for (let i = 0; i < n; i++) waiting.push(await consentedEnrolment(kase));
  const answers = await Promise.all(
    waiting.map((w) =>
      t.call.staff(OFFICER, 'service.confirm', { enrolmentId: w.enrolmentId, ...w.records }),
    ),
  );
  for (const a of answers) {
    if (!a.ok) expect(a.error.code).toBe('CONFLICT');
  }
  expect(answers.some((a) => a.ok)).toBe(true);
  const active = (await allDocs('serviceBindings')).filter(
    (b) => b.partyId === kase.partyId && b.status === 'active',
  );
  expect(active).toHaveLength(1);
  const activeEnrolments = (await allDocs('serviceEnrolments')).filter(
    (e) => e.partyId === kase.partyId && e.status === 'active',
  );
  expect(activeEnrolments.map((e) => e._id)).toEqual([active[0].enrolmentId]);
  // Only the one active identity sees its consent in force.
  const seen = await Promise.all(waiting.map((w) => t.call.citizen(w.openid, 'service.myEnrolments')));
  expect(seen.filter((s) => s.data.items.length > 0)).toHaveLength(1);
  return answers;
}

it('leaves exactly one recipient active when two first confirmations race', async () => {
  const kase = await caseWithOrganisation(t.call);
  await confirmAtOnce(kase, 2);
});

it('leaves exactly one recipient active when three confirmations race to replace an active one', async () => {
  const first = await enrolled(t.call);
  const kase = { ...first.kase };
  await confirmAtOnce(kase, 3);
  const bindings = (await allDocs('serviceBindings')).filter((b) => b.partyId === kase.partyId);
  expect(bindings.find((b) => b.enrolmentId === first.inv.enrolmentId)?.status).toBe('replaced');
});
