/**
 * The server side of storage as the real @cloudbase/node-sdk speaks it through `/admin` (see
 * node_modules/@cloudbase/node-sdk/dist/storage/index.js). Answers carry `data`; an answer with
 * `code` is an error the SDK throws. Per-file outcomes use the SDK's codes (`SUCCESS`, `STORAGE_FILE_NONEXIST`,
 * const/code.js). Server calls are admin calls: the storage rules do not apply (CloudBase: "管理端始终拥有所有读写权限").
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { isValidCloudPath, pathOfFileId, toFileId } from './paths';
import type { UrlSigner } from './signing';
import type { FileStore } from './store';

/** Upload URLs live 10 minutes; temporary download URLs default to 10 minutes (the SDK's downloadFile asks 600 s). */
export const UPLOAD_URL_SECONDS = 600;
export const DEFAULT_TEMP_URL_SECONDS = 600;
/** Upper bound for `maxAge`: temporary URLs stay short-lived. */
export const MAX_TEMP_URL_SECONDS = 86_400;
/** "单次操作的文件数量不超过 50 个" (https://docs.cloudbase.net/storage/copy-file). */
const MAX_COPY_FILES = 50;

const requestId = () => `emulator-${randomBytes(6).toString('hex')}`;
const fail = (code: string, message: string) => ({ code, message, requestId: requestId() });

export function registerStorageAdminActions(ctx: EmulatorContext, store: FileStore, signer: UrlSigner): void {
  const actions = ctx.adminActions;

  actions.set('storage.getUploadMetadata', async (body) => {
    const cloudPath = body.path;
    if (typeof cloudPath !== 'string' || !isValidCloudPath(cloudPath)) {
      return fail('INVALID_PARAM', '文件路径无效：须为不以 / 开头、不含 . 或 .. 段的相对路径');
    }
    return {
      requestId: requestId(),
      data: {
        url: ctx.baseUrl + signer.sign('put', cloudPath, UPLOAD_URL_SECONDS),
        // COS wants these as headers; the emulator's signed URL already authorises the PUT, so they are opaque.
        token: randomBytes(12).toString('hex'),
        authorization: randomBytes(12).toString('hex'),
        fileId: toFileId(cloudPath),
        cosFileId: randomBytes(12).toString('hex'),
      },
    };
  });

  actions.set('storage.batchGetDownloadUrl', async (body) => {
    if (!Array.isArray(body.file_list)) return fail('INVALID_PARAM', 'file_list 须为数组');
    const downloadList = (body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>).map((item) => {
      const fileID = typeof item?.fileid === 'string' ? item.fileid : '';
      const cloudPath = pathOfFileId(fileID);
      if (!cloudPath || !store.stat(cloudPath)) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
      }
      const maxAge = clampMaxAge(item.max_age);
      return {
        fileID,
        tempFileURL: ctx.baseUrl + signer.sign('get', cloudPath, maxAge),
        code: 'SUCCESS',
        maxAge,
      };
    });
    return { requestId: requestId(), data: { download_list: downloadList } };
  });

  actions.set('storage.batchDeleteFile', async (body) => {
    if (!Array.isArray(body.fileid_list)) return fail('INVALID_PARAM', 'fileid_list 须为数组');
    const deleteList = (body.fileid_list as unknown[]).map((fileID) => {
      const cloudPath = typeof fileID === 'string' ? pathOfFileId(fileID) : undefined;
      const deleted = cloudPath !== undefined && store.delete(cloudPath);
      return deleted
        ? { fileID, code: 'SUCCESS' }
        : { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
    });
    return { requestId: requestId(), data: { delete_list: deleteList } };
  });

  actions.set('storage.batchCopyFile', async (body) => {
    const list = body.file_list;
    if (!Array.isArray(list) || list.length === 0) return fail('INVALID_PARAM', 'file_list 须为非空数组');
    if (list.length > MAX_COPY_FILES)
      return fail('INVALID_PARAM', `单次复制的文件不能超过 ${MAX_COPY_FILES} 个`);
    const copyList = (list as Array<Record<string, unknown>>).map((item) => copyOne(store, item));
    return { requestId: requestId(), data: { copy_list: copyList } };
  });
}

function copyOne(store: FileStore, item: Record<string, unknown>) {
  const from = item.src_path;
  const to = item.dst_path;
  if (
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    !isValidCloudPath(from) ||
    !isValidCloudPath(to)
  ) {
    return { fileId: '', code: 'INVALID_PARAM', message: '源路径或目标路径无效' };
  }
  if (item.overwrite === false && store.stat(to)) {
    return { fileId: toFileId(to), code: 'STORAGE_FILE_EXIST', message: '目标文件已存在' };
  }
  if (!store.copy(from, to)) return { fileId: '', code: 'STORAGE_FILE_NONEXIST', message: '源文件不存在' };
  if (item.remove_original === true) store.delete(from);
  return { fileId: toFileId(to), code: 'SUCCESS' };
}

export function clampMaxAge(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_TEMP_URL_SECONDS;
  return Math.min(Math.floor(value), MAX_TEMP_URL_SECONDS);
}
