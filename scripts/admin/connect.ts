/**
 * Where the operator command acts: a running local emulator (PORT) or a real CloudBase environment
 * (TCB_ENV_ID/ENV_ID with TENCENTCLOUD_SECRETID/SECRETKEY). Either way through the real @cloudbase/node-sdk.
 */
import tcb from '@cloudbase/node-sdk';
import { EMULATOR_LEDGER_MAC_KEY, EMULATOR_PERSONAL_DATA_SALT } from '../../emulator/dev-secrets';
import type { Database } from '../../server/platform/cloudbase';

export function connect(env: NodeJS.ProcessEnv = process.env): { db: Database; target: string } {
  const envId = env.TCB_ENV_ID || env.ENV_ID;
  if (env.PORT && !envId) {
    // The SDK reads TCB_CONTEXT_CNFG on every request; credentials only need to be non-empty.
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `http://127.0.0.1:${env.PORT}/admin` });
    // Invitation hashes must match what the emulator's functions compute.
    process.env.PERSONAL_DATA_SALT ||= EMULATOR_PERSONAL_DATA_SALT;
    process.env.LEDGER_MAC_KEY ||= EMULATOR_LEDGER_MAC_KEY;
    const app = tcb.init({ env: 'local-emulator', secretId: 'emulator', secretKey: 'emulator' });
    return { db: app.database(), target: `本地模拟器 127.0.0.1:${env.PORT}` };
  }
  if (envId) {
    if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
      throw new Error('连接云开发环境需要 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY');
    }
    if (!env.LEDGER_MAC_KEY)
      throw new Error('需要与云函数相同的 LEDGER_MAC_KEY，否则写入的台账事件无法通过核验');
    if (!env.PERSONAL_DATA_SALT) {
      throw new Error('需要与云函数相同的 PERSONAL_DATA_SALT，否则生成的邀请码无法在云函数中使用');
    }
    const app = tcb.init({
      env: envId,
      secretId: env.TENCENTCLOUD_SECRETID,
      secretKey: env.TENCENTCLOUD_SECRETKEY,
    });
    return { db: app.database(), target: `云开发环境 ${envId}` };
  }
  throw new Error('请设置 PORT（本地模拟器）或 TCB_ENV_ID/ENV_ID 与腾讯云密钥（云开发环境）');
}
