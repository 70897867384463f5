/**
 * CloudBase's HTTP access service, as it calls an ordinary (event) function: the HTTP request becomes the
 * "integration request" event, and the function's answer becomes the HTTP response
 * (docs.cloudbase.net/service/access-cloud-function; cloud.tencent.com/document/product/876/41776):
 * - event `{path, httpMethod, headers, queryStringParameters, body, isBase64Encoded, requestContext}`;
 * - an answer with a numeric `statusCode` is an integration response `{statusCode, headers, body,
 *   isBase64Encoded}`; a string or number is sent as text/plain; any other value as JSON.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface IntegrationRequest {
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
  requestContext: { requestId: string; envId: string; appId: number; uin: number };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Bodies of these types reach the function as text; anything else (files, images) as base64. */
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+json)/i;

export function toIntegrationRequest(
  path: string,
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
  requestId: string,
): IntegrationRequest {
  const flatHeaders: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) flatHeaders[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const contentType = flatHeaders['content-type'] ?? '';
  const asText = body.length === 0 || TEXT_TYPES.test(contentType);
  return {
    path,
    httpMethod: method,
    headers: flatHeaders,
    queryStringParameters: Object.fromEntries(url.searchParams.entries()),
    body: asText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !asText,
    requestContext: {
      requestId,
      envId: process.env.TCB_ENV ?? 'local-emulator',
      appId: 0,
      uin: 0,
    },
  };
}

function isIntegrationResponse(value: unknown): value is {
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  isBase64Encoded?: boolean;
} {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { statusCode?: unknown }).statusCode === 'number'
  );
}

export function fromFunctionAnswer(value: unknown): HttpAnswer {
  if (isIntegrationResponse(value)) {
    const headers: Record<string, string> = {};
    for (const [key, v] of Object.entries(value.headers ?? {})) headers[key.toLowerCase()] = String(v);
    let body: Buffer | string;
    if (typeof value.body === 'string') {
      body = value.isBase64Encoded ? Buffer.from(value.body, 'base64') : value.body;
    } else if (value.body === undefined || value.body === null) {
      body = '';
    } else {
      body = JSON.stringify(value.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    return { status: value.statusCode, headers, body };
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: String(value) };
  }
  if (value === undefined || value === null) {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}
