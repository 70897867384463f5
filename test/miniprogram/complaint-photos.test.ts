/**
 * After a refused submission the backend has deleted the uploaded originals (nothing refused stays in
 * quarantine), so the form uploads the same pictures again to fresh slot paths; pictures still uploading or
 * failed are left alone.
 */
import { emptyForm, type FormState, type PhotoItem } from '../../miniprogram/utils/complaint-form';

// Required, not imported: the page module uses the mini-program's `wx` typings, which the root tsconfig (and its
// node typings) cannot load; the mini-program's own tsconfig type-checks it.
interface PhotoHost {
  data: { form: FormState; errors: Record<string, string>; maxPhotos: number };
  update(patch: Partial<FormState>): void;
  setData(data: Record<string, unknown>): void;
}
const { uploadAgain } = jest.requireActual('../../miniprogram/pages/complaint/form/photos') as {
  uploadAgain(host: PhotoHost): Promise<void>;
};

jest.mock('../../miniprogram/services/api', () => ({
  call: jest.fn(async () => ({
    ok: true,
    data: { paths: ['quarantine/o/s2/1.jpg', 'quarantine/o/s2/2.jpg'], uploadBy: '2999-01-01T00:00:00Z' },
  })),
}));
jest.mock('../../miniprogram/services/storage', () => ({
  uploadFile: jest.fn(async (o: { cloudPath: string }) => ({
    ok: true,
    fileID: `cloud://env/${o.cloudPath}`,
  })),
}));

function host(photos: PhotoItem[]): PhotoHost {
  const h: PhotoHost = {
    data: { form: { ...emptyForm('complaint'), photos }, errors: {}, maxPhotos: 3 },
    update(patch) {
      h.data.form = { ...h.data.form, ...patch };
    },
    setData() {},
  };
  return h;
}

it('uploads every sent picture again to the new slot and replaces its fileID', async () => {
  const h = host([
    { localPath: 'a.jpg', fileID: 'cloud://env/quarantine/o/s1/1.jpg', progress: 100, state: 'done' },
    { localPath: 'b.jpg', fileID: '', progress: 0, state: 'failed' },
    { localPath: 'c.jpg', fileID: 'cloud://env/quarantine/o/s1/2.jpg', progress: 100, state: 'done' },
  ]);
  await uploadAgain(h);
  expect(h.data.form.photos).toEqual([
    { localPath: 'a.jpg', fileID: 'cloud://env/quarantine/o/s2/1.jpg', progress: 100, state: 'done' },
    { localPath: 'b.jpg', fileID: '', progress: 0, state: 'failed' },
    { localPath: 'c.jpg', fileID: 'cloud://env/quarantine/o/s2/2.jpg', progress: 100, state: 'done' },
  ]);
});

it('does nothing when no picture was sent', async () => {
  const h = host([{ localPath: 'b.jpg', fileID: '', progress: 0, state: 'failed' }]);
  await uploadAgain(h);
  expect(h.data.form.photos[0]!.state).toBe('failed');
});
