/** The emulator's parts, each registering its routes, /admin actions and hooks on the shared context. */
import type { EmulatorContext } from './context';
import { registerStorage } from './storage';
import { registerWechat } from './wechat';

export async function registerParts(_ctx: EmulatorContext): Promise<void> {
  // Parts are added here: database, storage, wechat, runner, seed.
  registerStorage(_ctx);
  registerWechat(_ctx);
}
