/** The emulator's parts, each registering its routes, /admin actions and hooks on the shared context. */
import type { EmulatorContext } from './context';
import { registerDatabase } from './db';
import { registerRunner } from './runner';
import { registerSeed } from './seed';
import { registerStorage } from './storage';
import { registerSms } from './sms';
import { registerWechat } from './wechat';

export async function registerParts(_ctx: EmulatorContext): Promise<void> {
  // Parts are added here: database, storage, wechat, runner, seed.
  await registerDatabase(_ctx);
  registerRunner(_ctx);
  registerStorage(_ctx);
  registerWechat(_ctx);
  registerSms(_ctx);
  registerSeed(_ctx);
}
