/**
 * Photos of the complaint form: picked with wx.chooseMedia (images only — video metadata cannot be stripped the
 * way the backend strips EXIF), uploaded at once into the caller's quarantine path with progress.
 * The paths come from `citizen` `complaint.uploadPrefix` (the client cannot know its openid in the cloud).
 */
import { call } from '../../../services/api';
import { uploadFile } from '../../../services/storage';
import type { FormErrors, FormState, PhotoItem } from '../../../utils/complaint-form';
import { permissionNotice } from '../../../utils/permission';

/** The backend refuses larger files (server/media MAX_UPLOAD_BYTES). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface PhotoHost {
  data: { form: FormState; errors: FormErrors; maxPhotos: number };
  update(patch: Partial<FormState>, clear?: Array<keyof FormErrors>): void;
  setData(data: Record<string, unknown>): void;
  uploadSlot?: { paths: string[]; uploadBy: string };
  /** The page's own handling of a failed pick (a refused permission or privacy guide). */
  onPermissionFailed?(need: 'photos', errMsg: string | undefined): void;
}

function patchPhoto(host: PhotoHost, localPath: string, patch: Partial<PhotoItem>): void {
  const photos = host.data.form.photos.map((p) => (p.localPath === localPath ? { ...p, ...patch } : p));
  host.update({ photos });
}

/**
 * The next path of the caller's upload slot (`citizen` `complaint.uploadPrefix`): each upload goes to a path the
 * backend registered, so one never submitted is deleted by the scheduler. A used-up or stale slot is replaced.
 */
async function nextPath(host: PhotoHost): Promise<string | null> {
  const slot = host.uploadSlot;
  if (!slot || slot.paths.length === 0 || Date.parse(slot.uploadBy) <= Date.now()) {
    const res = await call('citizen', 'complaint.uploadPrefix', {});
    if (!res.ok) return null;
    host.uploadSlot = { paths: [...res.data.paths], uploadBy: res.data.uploadBy };
  }
  return host.uploadSlot!.paths.shift() ?? null;
}

async function uploadOne(host: PhotoHost, localPath: string): Promise<void> {
  const cloudPath = await nextPath(host);
  if (!cloudPath) {
    patchPhoto(host, localPath, { state: 'failed' });
    return;
  }
  const res = await uploadFile({
    cloudPath,
    filePath: localPath,
    onProgress: (progress) => patchPhoto(host, localPath, { progress }),
  });
  // The photo may have been removed while uploading; patchPhoto then changes nothing.
  if (res.ok) patchPhoto(host, localPath, { state: 'done', fileID: res.fileID, progress: 100 });
  else patchPhoto(host, localPath, { state: 'failed' });
}

export function addPhotos(host: PhotoHost): Promise<void> {
  const remaining = host.data.maxPhotos - host.data.form.photos.length;
  if (remaining <= 0) {
    host.setData({ errors: { ...host.data.errors, photos: `最多上传 ${host.data.maxPhotos} 张图片` } });
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: remaining,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      // A refused album/camera permission or privacy guide is said, with 去设置 where settings can fix it.
      fail: (err) => {
        if (host.onPermissionFailed) host.onPermissionFailed('photos', err?.errMsg);
        else host.setData({ permission: permissionNotice('photos', err?.errMsg), permissionFor: 'photos' });
        resolve();
      },
      success: (res) => {
        host.setData({ permission: null, permissionFor: '' });
        const picked = res.tempFiles.filter((f) => f.size <= MAX_PHOTO_BYTES);
        const tooBig = res.tempFiles.length - picked.length;
        const added: PhotoItem[] = picked.map((f) => ({
          localPath: f.tempFilePath,
          fileID: '',
          progress: 0,
          state: 'uploading',
        }));
        host.update({ photos: [...host.data.form.photos, ...added] }, ['photos']);
        if (tooBig)
          host.setData({ errors: { ...host.data.errors, photos: `有 ${tooBig} 张图片超过 10 MB，未添加` } });
        void (async () => {
          for (const photo of added) await uploadOne(host, photo.localPath);
          resolve();
        })();
      },
    });
  });
}

/**
 * After the backend refused a submission it deletes the originals it was given (nothing refused stays in
 * quarantine), so the form uploads the same pictures again from the phone to fresh paths: the user only corrects
 * what was wrong. A picture whose local copy is gone shows as failed and is picked again.
 */
export async function uploadAgain(host: PhotoHost): Promise<void> {
  const sent = host.data.form.photos.filter((p) => p.state === 'done');
  if (!sent.length) return;
  host.update({
    photos: host.data.form.photos.map((p) =>
      p.state === 'done' ? { ...p, fileID: '', progress: 0, state: 'uploading' as const } : p,
    ),
  });
  for (const photo of sent) await uploadOne(host, photo.localPath);
}

export function removePhoto(host: PhotoHost, index: number): void {
  if (!Number.isInteger(index) || index < 0) return;
  const photos = host.data.form.photos.filter((_, i) => i !== index);
  host.update({ photos }, ['photos']);
}
