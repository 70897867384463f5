/**
 * The case register's input rules (core/contract/case.ts; REC-1, REC-2, REC-3): a party's identifier fits its
 * kind, a case has two distinct officers, a decision comes with its document, a record has a file or a hash.
 */
import {
  caseAdvanceInput,
  caseOpenInput,
  partyInputSchema,
  recordRegisterInput,
} from '../../../core/contract/case';
import { issuesToFields } from '../../../core/contract/validation';

const fields = (schema: { safeParse: (v: unknown) => any }, value: unknown) => {
  const res = schema.safeParse(value);
  return res.success ? {} : issuesToFields(res.error.issues, 'payload');
};

it('fits a party’s identifier to its kind', () => {
  expect(
    fields(partyInputSchema, {
      kind: 'organisation',
      name: '某某公司',
      idKind: 'resident',
      idNo: '500101198501011231',
    }),
  ).toHaveProperty(['payload.idKind']);
  expect(fields(partyInputSchema, { kind: 'unregistered', name: '流动摊点', idKind: 'none' })).toEqual({});
  expect(fields(partyInputSchema, { kind: 'person', name: '李某某', idKind: 'resident' })).toHaveProperty([
    'payload.idNo',
  ]);
});

it('wants two distinct officers and a party', () => {
  const base = { kind: 'penalty', caseNo: '万卫罚立〔2026〕1号', cause: '违法执业' };
  expect(
    fields(caseOpenInput, {
      ...base,
      officers: ['50010120230001', '50010120230001'],
      partyId: 'pty_' + '0'.repeat(24),
    }),
  ).toHaveProperty(['payload.officers']);
  expect(fields(caseOpenInput, { ...base, officers: ['50010120230001', '50010120240021'] })).toHaveProperty([
    'payload.party',
  ]);
});

it('wants the decision document exactly when the stage is a decision', () => {
  const id = 'case_' + '0'.repeat(24);
  expect(fields(caseAdvanceInput, { id, stage: 'decision' })).toHaveProperty(['payload.decision']);
  expect(fields(caseAdvanceInput, { id, stage: 'investigation' })).toEqual({});
});

it('wants a record’s file or its hash, and the details of its type (REC-3 document types)', () => {
  const base = {
    caseId: 'case_' + '0'.repeat(24),
    title: '现场笔录',
    workEndedAt: '2026-11-30T10:00:00+08:00',
  };
  const document = { docType: 'siteRecord', docTimes: [], signed: true };
  expect(fields(recordRegisterInput, { ...base, type: 'document', document })).toHaveProperty([
    'payload.sha256',
  ]);
  expect(
    fields(recordRegisterInput, { ...base, type: 'document', document: { ...document, docType: 'memo' } }),
  ).toHaveProperty(['payload.document.docType']);
  expect(fields(recordRegisterInput, { ...base, type: 'av', sha256: 'a'.repeat(64) })).toHaveProperty([
    'payload.type',
  ]);
});
