/**
 * Shared by the scheduler tests: approved entries scheduled for a time (through the four staff steps and one
 * batch approval, as the principal does it), the timer fired on the emulator, and what the ledger says was
 * published.
 */
import { allDocs, type callers } from '../complaint/helpers';
import type { TestEmulator } from '../../helpers/emulator';
import { companyPenalty, create, OFFICE, PREPARER, PRINCIPAL, REVIEWER } from '../publication/helpers';

type Call = ReturnType<typeof callers>;

/** `n` penalty entries approved to be published at `publishAt` (ISO with zone); answers their ids. */
export async function approvedFor(call: Call, n: number, publishAt: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await create(call, companyPenalty({ publicityUntil: '2099-12-31' }));
    for (const [who, action] of [
      [PREPARER, 'publication.submit'],
      [REVIEWER, 'publication.review'],
      [OFFICE, 'publication.forward'],
    ] as const) {
      const res = await call.staff(who, action, { id });
      if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
    }
    ids.push(id);
  }
  for (let i = 0; i < ids.length; i += 100) {
    const res = await call.staff(PRINCIPAL, 'publication.batchApprove', {
      ids: ids.slice(i, i + 100),
      publishAt,
    });
    if (!res.ok) throw new Error(`batchApprove: ${JSON.stringify(res.error)}`);
  }
  return ids;
}

/** Fires the scheduler's one timer trigger; answers the function's envelope. */
export async function fireTimer(emu: TestEmulator): Promise<any> {
  return (await emu.post('/timer/scheduler', {})).body;
}

/** How many times the ledger recorded each entry's publication (entity id → count). */
export async function publications(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of await allDocs('sys_events')) {
    // One event per record the change wrote: the entry's own says it was published.
    const [collection, id] = String(e.entity).split('/') as [string, string];
    if (e.action !== 'publication.publish' || collection !== 'publicationEntries') continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The entries' statuses as stored. */
export async function statuses(ids: string[]): Promise<string[]> {
  const byId = new Map((await allDocs('publicationEntries')).map((d) => [d._id, d.status]));
  return ids.map((id) => byId.get(id));
}
