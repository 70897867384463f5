/**
 * Who is calling, read only from the SCF context. The event body is never consulted:
 * whatever identity a caller writes into the event changes nothing.
 */
import { tcb } from '../platform/cloudbase';

export type CallSource = 'client' | 'timer';

export interface Caller {
  openid: string | null;
  appid: string | null;
  unionid: string | null;
  source: CallSource;
}

type SdkContext = Parameters<typeof tcb.getCloudbaseContext>[0];

export function callerFromContext(context: unknown): Caller {
  let env: Record<string, unknown> = {};
  try {
    env = tcb.getCloudbaseContext((context ?? {}) as SdkContext) as unknown as Record<string, unknown>;
  } catch {
    env = {};
  }
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    openid: str(env.WX_OPENID),
    appid: str(env.WX_APPID),
    unionid: str(env.WX_UNIONID),
    source: env.TRIGGER_SRC === 'timer' ? 'timer' : 'client',
  };
}

/** The mini-program this deployment serves; calls from any other app id are refused. */
export function configuredAppId(): string | null {
  return process.env.MINIPROGRAM_APPID || null;
}

/**
 * A call carrying an app id that is not the configured mini-program (another mini-program sharing the environment,
 * or a deployment missing MINIPROGRAM_APPID, which then refuses every app rather than accepting any).
 */
export function isForeignApp(caller: Caller): boolean {
  if (!caller.appid) return false;
  const appId = configuredAppId();
  return !appId || caller.appid !== appId;
}
