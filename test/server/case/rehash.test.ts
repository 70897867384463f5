/**
 * The re-hash command's routine (REC-11, REC-16; docs/cases.md): every record file in the register's private
 * storage is read again as a stream and compared with its registered hash; a file changed in storage is named.
 */
import { uploadPhoto, useSeededEmulator } from '../complaint/helpers';
import { sdk } from '../../emulator/storage/helpers';
import { rehashRecordFiles } from '../../../server/features/case';
import type { Database } from '../../../server/platform/cloudbase';
import { OFFICER, openCase } from './helpers';

const t = useSeededEmulator();

it('names a stored record file whose bytes no longer match its registered hash', async () => {
  const { id } = await openCase(t.call);
  const fileID = await uploadPhoto(t.emu, OFFICER, Buffer.from('卫生监督意见书 原件'.repeat(500)), 'yjs.pdf');
  const doc = await t.call.staff(OFFICER, 'record.register', {
    caseId: id,
    type: 'document',
    title: '卫生监督意见书',
    workEndedAt: new Date(Date.now() - 3_600_000).toISOString(),
    fileID,
    document: { docType: 'supervisionOpinion', docTimes: [], signed: true },
  });
  expect(doc).toMatchObject({ ok: true });
  const db = sdk().database() as unknown as Database;
  const clean = await rehashRecordFiles(db);
  expect(clean.cursor).toBeNull();
  expect(clean.checked).toBeGreaterThan(0);
  expect(clean.mismatches.map((m) => m.recordId)).not.toContain(doc.data.id);

  await sdk().uploadFile({
    cloudPath: `case-records/${id}/${doc.data.id}`,
    fileContent: Buffer.from('被替换的内容'),
  });
  const after = await rehashRecordFiles(db);
  expect(after.mismatches).toContainEqual(
    expect.objectContaining({ recordId: doc.data.id, reason: '文件内容与登记的哈希值不一致' }),
  );
});
