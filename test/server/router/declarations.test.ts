/**
 * Every action is declared once (core/contract/api.ts) and implemented once: a function refuses to load with a
 * declared action that has no handler or a handler that has no declaration; each real function's handlers match
 * its declarations exactly; and a staff action settles who calls before it reads the payload.
 */
import * as z from 'zod/mini';
import { API } from '../../../core/contract/api';
import { declareAction, table } from '../../../core/contract/declare';
import { citizenHandlers } from '../../../server/functions/citizen';
import { publicHandlers } from '../../../server/functions/public';
import { schedulerHandlers } from '../../../server/functions/scheduler';
import { staffHandlers } from '../../../server/functions/staff';
import { createFunction } from '../../../server/router/function';
import { staffCaller, startSeededEmulator, newOpenid } from '../org/helpers';

const ping = declareAction<{ pong: true }>()({
  fn: 'public',
  name: 'ping',
  access: 'public',
  input: z.object({}),
});
const pong = declareAction<{ ping: true }>()({
  fn: 'public',
  name: 'pong',
  access: 'public',
  input: z.object({}),
});

describe('createFunction', () => {
  it('refuses a declared action without a handler, naming it', () => {
    expect(() =>
      createFunction('t', table([ping, pong] as const), { ping: async () => ({ pong: true }) }),
    ).toThrow(/without a handler \[pong\]/);
  });

  it('refuses a handler without a declaration, naming it', () => {
    expect(() =>
      createFunction('t', table([ping] as const), {
        ping: async () => ({ pong: true }),
        stray: async () => ({}),
      }),
    ).toThrow(/without a declaration \[stray\]/);
  });
});

it('implements exactly the declared actions in every function', () => {
  const implemented = {
    public: publicHandlers,
    citizen: citizenHandlers,
    staff: staffHandlers,
    scheduler: schedulerHandlers,
  };
  for (const [fn, declared] of Object.entries(API)) {
    expect(Object.keys(implemented[fn as keyof typeof implemented]).sort()).toEqual(
      Object.keys(declared).sort(),
    );
    for (const [name, d] of Object.entries(declared)) {
      expect({ name: d.name, fn: d.fn }).toEqual({ name, fn });
    }
  }
});

it('declares an id policy for every action that creates records from the request', () => {
  for (const declared of Object.values(API)) {
    for (const d of Object.values(declared)) {
      if (d.ids === 'request')
        expect({ name: d.name, idempotent: d.idempotent }).toEqual({ name: d.name, idempotent: true });
    }
  }
});

describe('a staff action', () => {
  const ctx: { emu?: Awaited<ReturnType<typeof startSeededEmulator>> } = {};
  beforeAll(async () => {
    ctx.emu = await startSeededEmulator();
  });
  afterAll(() => ctx.emu!.stop());

  it('tells a stranger nothing about its inputs: FORBIDDEN before the payload is read', async () => {
    const staff = staffCaller(ctx.emu!);
    const res = await staff(newOpenid(), 'staff.invite', { name: 1, unitId: [], bogus: true });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(res.error.fields).toBeUndefined();
    // A staff member without the role is refused the same way.
    const officer = await staff('demo-officer-1', 'staff.invite', { name: 1 });
    expect(officer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(officer.error.fields).toBeUndefined();
    // The administrator gets the field messages.
    const admin = await staff('demo-admin-1', 'staff.invite', { name: 1 });
    expect(admin).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: expect.any(Object) } });
  });
});

it('declares one staff action per workflow step of a complaint, and no step action without a workflow step', async () => {
  const { COMPLAINT_WORKFLOW } = await import('../../../core/complaint/workflow');
  const { COMPLAINT_CITIZEN_STEPS } = await import('../../../core/contract/complaint');
  // The owner's steps are citizen actions (withdrawing a complaint or a report is one action, two steps).
  const ownerStepAction: Record<string, string> = {
    addMaterial: 'complaint.addMaterial',
    rate: 'complaint.rate',
    withdraw: 'complaint.withdraw',
    withdrawReport: 'complaint.withdraw',
  };
  const citizen = Object.values(API.citizen);
  for (const step of COMPLAINT_CITIZEN_STEPS) {
    expect(COMPLAINT_WORKFLOW.steps[step]).toBeDefined();
    const action = ownerStepAction[step];
    expect({ step, declared: citizen.some((d) => d.name === action && d.idempotent === true) }).toEqual({
      step,
      declared: true,
    });
  }
  const steps = Object.keys(COMPLAINT_WORKFLOW.steps)
    .filter((s) => !(COMPLAINT_CITIZEN_STEPS as readonly string[]).includes(s))
    .map((s) => `${COMPLAINT_WORKFLOW.type}.${s}`);
  const staff = Object.values(API.staff);
  for (const name of steps) {
    expect({ name, declared: staff.some((d) => d.name === name && d.idempotent === true) }).toEqual({
      name,
      declared: true,
    });
  }
  // Every idempotent complaint action on an existing record is a declared step (creations are not steps).
  const stepLike = staff.filter(
    (d) => d.name.startsWith('complaint.') && d.idempotent && d.name !== 'complaint.record',
  );
  expect(stepLike.map((d) => d.name).sort()).toEqual([...steps].sort());
});
