/**
 * The loopback stand-ins for COS: `PUT /_storage/put/<b64 path>` receives the bytes the SDK uploads after
 * `storage.getUploadMetadata` (empty 200 answer = success, an XML `<Error>` otherwise, as COS answers and as
 * the SDK parses: Code, Message, RequestId, TraceId must all be present), and `GET|HEAD /_storage/get/<b64 path>`
 * serves a temporary download URL until it expires. HEAD serves the SDK's getFileInfo (size and type).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { RouteContext } from '../http';
import { contentTypeFor } from './paths';
import type { UrlSigner } from './signing';
import type { FileStore } from './store';

export function cosError(code: string, message: string, resource: string): string {
  const id = randomBytes(8).toString('hex');
  return (
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const XML = { 'content-type': 'application/xml' };

export function registerObjectRoutes(ctx: EmulatorContext, store: FileStore, signer: UrlSigner): void {
  ctx.router.add(
    'PUT',
    /^\/_storage\/put\/([A-Za-z0-9_-]+)$/,
    async ({ req, url, params, body, send, note }) => {
      const verdict = signer.verify('put', params[0] ?? '', url.searchParams);
      if (verdict === 'invalid' || verdict === 'expired') {
        note.code = verdict === 'expired' ? 'URL_EXPIRED' : 'BAD_SIGNATURE';
        const message =
          verdict === 'expired' ? 'Request has expired' : 'The request signature does not match';
        send(
          403,
          cosError(verdict === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch', message, '/'),
          XML,
        );
        return;
      }
      const bytes = await body();
      store.put(verdict, bytes, { contentType: contentTypeFor(verdict, req.headers['content-type']) });
      send(200, '');
    },
    'storage',
  );

  const serve = ({ req, url, params, send, note }: RouteContext) => {
    const verdict = signer.verify('get', params[0] ?? '', url.searchParams);
    if (verdict === 'invalid' || verdict === 'expired') {
      note.code = verdict === 'expired' ? 'URL_EXPIRED' : 'BAD_SIGNATURE';
      const message = verdict === 'expired' ? '临时链接已过期' : '临时链接签名无效';
      send(403, cosError('AccessDenied', message, '/'), XML);
      return;
    }
    const file = store.read(verdict);
    if (!file) {
      note.code = 'NOT_FOUND';
      send(404, cosError('NoSuchKey', '文件不存在', '/'), XML);
      return;
    }
    const headers = { 'content-type': file.meta.contentType, 'content-length': String(file.meta.size) };
    send(200, req.method === 'HEAD' ? '' : file.bytes, headers);
  };
  ctx.router.add('GET', /^\/_storage\/get\/([A-Za-z0-9_-]+)$/, serve, 'storage');
  ctx.router.add('HEAD', /^\/_storage\/get\/([A-Za-z0-9_-]+)$/, serve, 'storage');
}
