/** What every fake WeChat endpoint sees and answers; shared by the official-account and mini-program files. */
import type { FormPart } from '../storage/multipart';
import type { WechatState } from './state';

export interface WechatCall {
  query: URLSearchParams;
  /** The JSON body, or the text fields of a multipart form. */
  body: Record<string, unknown>;
  files: FormPart[];
  /** Emulator clock, ms. */
  now: number;
  state: WechatState;
}

export type WechatAnswer = { json: Record<string, unknown> } | { png: Buffer };

/** Which app's access token an endpoint needs: the official account's, the mini-program's, or none. */
export type TokenOwner = 'oa' | 'mp' | 'none';

export interface Endpoint {
  token: TokenOwner;
  handle(call: WechatCall): WechatAnswer;
  /** The key faults are set with, when not the path after /cgi-bin/ or /wxa/ (faults.ts). */
  faultKey?: string;
  /** Hides personal data from what the outbox records (after credentials are removed, outbox.ts). */
  redact?: {
    body?(body: Record<string, unknown>): Record<string, unknown>;
    answer?(answer: Record<string, unknown>): Record<string, unknown>;
  };
}

export function ok(fields: Record<string, unknown> = {}): WechatAnswer {
  return { json: { errcode: 0, errmsg: 'ok', ...fields } };
}

export function wxError(errcode: number, errmsg: string): WechatAnswer {
  return { json: { errcode, errmsg } };
}

/** WeChat's generic "invalid args" answer (errcode 40097), with a hint in Chinese for the developer. */
export function invalidArgs(hint: string): WechatAnswer {
  return wxError(40097, `invalid args hint: [${hint}]`);
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
