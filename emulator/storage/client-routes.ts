/**
 * The client side of storage, as a mini-program in `develop` reaches the emulator over HTTP in place of
 * `wx.cloud.uploadFile` / `getTempFileURL` / `downloadFile` / `deleteFile`. The caller's identity comes from the
 * `X-WX-OPENID` / `X-WX-APPID` headers (as `POST /fn/<name>`), and every call is checked against the
 * repository's storage rules (rules.ts). Answers mirror the wx.cloud callbacks: success objects with
 * `errMsg: 'cloud.<api>:ok'`; refusals `{errCode, errMsg: 'cloud.<api>:fail <中文原因>'}` with HTTP 403.
 */
import type { EmulatorContext } from '../context';
import { HttpError, type RouteContext } from '../http';
import { clampMaxAge } from './admin';
import { isMultipart, parseMultipart } from './multipart';
import { contentTypeFor, isValidCloudPath, pathOfFileId, toFileId } from './paths';
import { decide, type RuleSubject } from './rules';
import type { UrlSigner } from './signing';
import type { FileStore } from './store';

/**
 * errCodes of the refusals. The `cloud.<api>:fail` errMsg form is wx.cloud's; the numeric codes are the
 * emulator's choice (CloudBase's client codes for a rules refusal were not found in its public documentation).
 */
export const CLIENT_ERR = { PERMISSION_DENIED: -403003, INVALID_PARAM: -501001, NOT_FOUND: -404001 } as const;

type Auth = RuleSubject['auth'];

function callerOf(ctx: EmulatorContext, { req }: RouteContext): Auth {
  const openid = header(req.headers['x-wx-openid']);
  const appid = header(req.headers['x-wx-appid']) || ctx.options.appId;
  if (!openid || appid !== ctx.options.appId) return null;
  return { openid, appid, loginType: 'WECHAT' };
}

function header(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function refuse(api: string, errCode: number, reason: string): never {
  throw new ClientRefusal(
    errCode === CLIENT_ERR.INVALID_PARAM ? 400 : 403,
    errCode,
    `cloud.${api}:fail ${reason}`,
  );
}

class ClientRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

function clientRoute(
  ctx: EmulatorContext,
  name: string,
  handler: (route: RouteContext, auth: Auth) => Promise<void>,
) {
  ctx.router.add(
    'POST',
    new RegExp(`^/_client/storage/${name}$`),
    async (route) => {
      try {
        await handler(route, callerOf(ctx, route));
      } catch (err) {
        if (!(err instanceof ClientRefusal)) throw err;
        route.note.code = String(err.errCode);
        route.send(err.status, { errCode: err.errCode, errMsg: err.errMsg });
      }
    },
    'storage',
  );
}

function fileIdList(value: unknown, api: string): Array<{ fileID: string; maxAge?: unknown }> {
  if (!Array.isArray(value) || value.length === 0)
    refuse(api, CLIENT_ERR.INVALID_PARAM, 'fileList 须为非空数组');
  return value.map((item) => {
    if (typeof item === 'string') return { fileID: item };
    if (item && typeof item === 'object' && typeof (item as { fileID?: unknown }).fileID === 'string') {
      return item as { fileID: string; maxAge?: unknown };
    }
    return refuse(api, CLIENT_ERR.INVALID_PARAM, 'fileList 的元素须为 fileID 字符串或 {fileID, maxAge}');
  });
}

export function registerClientRoutes(ctx: EmulatorContext, store: FileStore, signer: UrlSigner): void {
  clientRoute(ctx, 'upload', async (route, auth) => {
    const { cloudPath, bytes, contentType } = await readUpload(route);
    if (!isValidCloudPath(cloudPath)) refuse('uploadFile', CLIENT_ERR.INVALID_PARAM, 'cloudPath 无效');
    const existing = store.stat(cloudPath);
    const resource = {
      openid: existing ? (existing.openid ?? null) : (auth?.openid ?? null),
      path: cloudPath,
    };
    const decision = decide('write', { auth, resource });
    if (!decision.allowed) refuse('uploadFile', CLIENT_ERR.PERMISSION_DENIED, decision.reason ?? '');
    store.put(cloudPath, bytes, {
      contentType: contentTypeFor(cloudPath, contentType),
      openid: auth?.openid,
    });
    route.send(200, { fileID: toFileId(cloudPath), statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
  });

  clientRoute(ctx, 'temp-url', async (route, auth) => {
    const body = await route.json<{ fileList?: unknown }>();
    const fileList = fileIdList(body.fileList, 'getTempFileURL').map(({ fileID, maxAge }) => {
      const checked = checkRead(store, auth, fileID);
      if (!checked.ok) return { fileID, tempFileURL: '', status: checked.errCode, errMsg: checked.errMsg };
      const seconds = clampMaxAge(maxAge);
      const tempFileURL = ctx.baseUrl + signer.sign('get', checked.cloudPath, seconds);
      return { fileID, tempFileURL, maxAge: seconds, status: 0, errMsg: 'ok' };
    });
    route.send(200, { fileList, errMsg: 'cloud.getTempFileURL:ok' });
  });

  clientRoute(ctx, 'download', async (route, auth) => {
    const { fileID } = await route.json<{ fileID?: unknown }>();
    if (typeof fileID !== 'string') refuse('downloadFile', CLIENT_ERR.INVALID_PARAM, 'fileID 须为字符串');
    const checked = checkRead(store, auth, fileID);
    if (!checked.ok) return refuse('downloadFile', checked.errCode, checked.errMsg);
    const file = store.read(checked.cloudPath);
    if (!file) return refuse('downloadFile', CLIENT_ERR.NOT_FOUND, '文件不存在');
    route.send(200, file.bytes, { 'content-type': file.meta.contentType });
  });

  clientRoute(ctx, 'delete', async (route, auth) => {
    const body = await route.json<{ fileList?: unknown }>();
    const fileList = fileIdList(body.fileList, 'deleteFile').map(({ fileID }) => {
      const cloudPath = pathOfFileId(fileID);
      if (!cloudPath) return { fileID, status: CLIENT_ERR.INVALID_PARAM, errMsg: 'fileID 无效' };
      const existing = store.stat(cloudPath);
      const decision = decide('write', {
        auth,
        resource: { openid: existing?.openid ?? null, path: cloudPath },
      });
      if (!decision.allowed)
        return { fileID, status: CLIENT_ERR.PERMISSION_DENIED, errMsg: decision.reason ?? '' };
      if (!store.delete(cloudPath)) return { fileID, status: CLIENT_ERR.NOT_FOUND, errMsg: '文件不存在' };
      return { fileID, status: 0, errMsg: 'ok' };
    });
    route.send(200, { fileList, errMsg: 'cloud.deleteFile:ok' });
  });
}

/** Rules first, existence second, so a refused caller learns nothing about which files exist. */
function checkRead(
  store: FileStore,
  auth: Auth,
  fileID: string,
): { ok: true; cloudPath: string } | { ok: false; errCode: number; errMsg: string } {
  const cloudPath = pathOfFileId(fileID);
  if (!cloudPath) return { ok: false, errCode: CLIENT_ERR.INVALID_PARAM, errMsg: 'fileID 无效' };
  const existing = store.stat(cloudPath);
  const decision = decide('read', { auth, resource: { openid: existing?.openid ?? null, path: cloudPath } });
  if (!decision.allowed)
    return { ok: false, errCode: CLIENT_ERR.PERMISSION_DENIED, errMsg: decision.reason ?? '' };
  if (!existing) return { ok: false, errCode: CLIENT_ERR.NOT_FOUND, errMsg: '文件不存在' };
  return { ok: true, cloudPath };
}

/** `wx.uploadFile` sends multipart (a file part plus a `cloudPath` field); raw bodies take `?cloudPath=`. */
async function readUpload(
  route: RouteContext,
): Promise<{ cloudPath: string; bytes: Buffer; contentType?: string }> {
  const contentType = route.req.headers['content-type'];
  const body = await route.body();
  if (!isMultipart(contentType)) {
    return { cloudPath: route.url.searchParams.get('cloudPath') ?? '', bytes: body, contentType };
  }
  const parts = parseMultipart(body, contentType);
  const file =
    parts.find((part) => part.filename !== undefined) ?? parts.find((part) => part.name === 'file');
  if (!file) throw new HttpError(400, 'INVALID_PARAM', 'multipart 请求中没有文件');
  const field = parts.find((part) => part.name === 'cloudPath' && part.filename === undefined);
  const cloudPath = field?.data.toString('utf8') ?? route.url.searchParams.get('cloudPath') ?? '';
  return { cloudPath, bytes: file.data, contentType: file.contentType };
}
