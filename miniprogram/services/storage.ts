/**
 * The one upload helper (deploy/storage.rules.json: a client only writes its own files into
 * `quarantine/<openid>/…`; a function checks, cleans and moves each upload). Same environment switch as the typed
 * client (services/api.ts): trial and release ALWAYS use `wx.cloud.uploadFile`, whose identity and path rules
 * CloudBase enforces; only `develop` may post to the local emulator's client storage endpoint
 * (`POST /_client/storage/upload`, emulator/storage/client-routes.ts) with `wx.uploadFile`, as the demo identity.
 */
import { devSettings, envVersion, transportFor } from './api';

export type UploadResult = { ok: true; fileID: string } | { ok: false; message: string };

export interface UploadOptions {
  /** Must start with the caller's quarantine prefix (citizen `complaint.uploadPrefix`). */
  cloudPath: string;
  /** A local temporary path, e.g. from wx.chooseMedia. */
  filePath: string;
  /** 0–100, as WeChat reports it. */
  onProgress?(percent: number): void;
}

interface UploadTask {
  onProgressUpdate?(listener: (res: { progress: number }) => void): void;
}

/** The part of `wx` used here (declared locally, as in api.ts, so this file type-checks and tests outside). */
interface StorageWx {
  uploadFile(opts: {
    url: string;
    filePath: string;
    name: string;
    formData: Record<string, string>;
    header: Record<string, string>;
    success(res: { statusCode: number; data: string }): void;
    fail(err: unknown): void;
  }): UploadTask | undefined;
  cloud: {
    uploadFile(opts: {
      cloudPath: string;
      filePath: string;
      success(res: { fileID: string }): void;
      fail(err: unknown): void;
    }): UploadTask | undefined;
  };
}
declare const wx: StorageWx;

export const UPLOAD_FAILED = '图片上传失败，请检查网络后重试';

function follow(task: UploadTask | undefined, onProgress?: (percent: number) => void): void {
  if (onProgress && task && typeof task.onProgressUpdate === 'function') {
    task.onProgressUpdate((res) => onProgress(Math.max(0, Math.min(100, Math.round(res.progress)))));
  }
}

function uploadToCloud(opts: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve) => {
    const task = wx.cloud.uploadFile({
      cloudPath: opts.cloudPath,
      filePath: opts.filePath,
      success: (res) =>
        resolve(res.fileID ? { ok: true, fileID: res.fileID } : { ok: false, message: UPLOAD_FAILED }),
      fail: () => resolve({ ok: false, message: UPLOAD_FAILED }),
    });
    follow(task, opts.onProgress);
  });
}

/** The emulator answers `{fileID}` (200) or `{errCode, errMsg}` (403/400), as wx.cloud's callbacks would. */
function fileIdOf(res: { statusCode: number; data: unknown }): string | null {
  if (res.statusCode !== 200) return null;
  try {
    const body = (typeof res.data === 'string' ? JSON.parse(res.data) : res.data) as { fileID?: unknown };
    return typeof body?.fileID === 'string' && body.fileID ? body.fileID : null;
  } catch {
    return null;
  }
}

function uploadToEmulator(opts: UploadOptions): Promise<UploadResult> {
  const dev = devSettings();
  return new Promise((resolve) => {
    const task = wx.uploadFile({
      url: `${dev.baseUrl}/_client/storage/upload`,
      filePath: opts.filePath,
      name: 'file',
      formData: { cloudPath: opts.cloudPath },
      header: { 'X-WX-OPENID': dev.openid, 'X-WX-APPID': dev.appId },
      success: (res) => {
        const fileID = fileIdOf(res);
        resolve(fileID ? { ok: true, fileID } : { ok: false, message: UPLOAD_FAILED });
      },
      fail: () => resolve({ ok: false, message: UPLOAD_FAILED }),
    });
    follow(task, opts.onProgress);
  });
}

/** Uploads one file; never throws: a failure comes back with a Chinese message. */
export function uploadFile(opts: UploadOptions): Promise<UploadResult> {
  return transportFor(envVersion()) === 'cloud' ? uploadToCloud(opts) : uploadToEmulator(opts);
}

/** A cloud path under `prefix` that will not clash: time, randomness, and the picked file's extension. */
export function uploadPathFor(prefix: string, filePath: string, now = Date.now()): string {
  const ext = /\.(jpe?g|png)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const rand = Math.random().toString(36).slice(2, 10);
  return `${prefix}${now.toString(36)}-${rand}.${ext === 'jpeg' ? 'jpg' : ext}`;
}
