/**
 * The outbox view of each call: what was asked and answered, with every credential removed (logs and
 * records never carry tokens or secrets). Keys named access_token, secret or appsecret are dropped at any depth;
 * file parts are summarised (name, file name, type, size), images answered are summarised the same way.
 */
import type { FormPart } from '../storage/multipart';
import type { WechatAnswer } from './api';

const SECRET_KEYS = new Set(['access_token', 'secret', 'appsecret', 'cloudbase_access_token']);

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_KEYS.has(key.toLowerCase()))
        .map(([key, inner]) => [key, withoutSecrets(inner)]),
    );
  }
  return value;
}

export function recordedQuery(query: URLSearchParams): Record<string, string> {
  return withoutSecrets(Object.fromEntries(query)) as Record<string, string>;
}

export function recordedBody(body: Record<string, unknown>, files: FormPart[]): unknown {
  const safe = withoutSecrets(body);
  if (files.length === 0) return safe;
  const summary = files.map((f) => ({
    name: f.name,
    filename: f.filename,
    contentType: f.contentType,
    size: f.data.length,
  }));
  return { ...(safe as object), files: summary };
}

export function recordedAnswer(answer: WechatAnswer): unknown {
  if ('png' in answer) return { contentType: 'image/png', size: answer.png.length };
  return withoutSecrets(answer.json);
}
