/**
 * The CloudBase SDK, initialised for the current environment. On CloudBase the environment and credentials come
 * from the function's runtime; on the local emulator from TCB_CONTEXT_CNFG and the emulator's variables. The SDK
 * object holds no business state, so sharing it within one instance is safe.
 */
import tcb from '@cloudbase/node-sdk';

export type CloudBase = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudBase['database']>;

let app: CloudBase | undefined;

export function cloudbase(): CloudBase {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export function database(): Database {
  return cloudbase().database();
}

export { tcb };
