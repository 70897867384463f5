/** The fake WeChat API (work in progress). */
import type { EmulatorContext } from '../context';

export function registerWechat(_ctx: EmulatorContext): void {}
