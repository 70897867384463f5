/** Cloud storage: files on disk, the SDK's /admin storage actions, signed loopback URLs, the client endpoints. */
import path from 'node:path';
import type { EmulatorContext } from '../context';
import { registerStorageAdminActions } from './admin';
import { registerClientRoutes } from './client-routes';
import { registerObjectRoutes } from './object-routes';
import { UrlSigner } from './signing';
import { FileStore } from './store';

export function registerStorage(ctx: EmulatorContext): void {
  const store = new FileStore(path.join(ctx.options.dataDir, 'storage'));
  const signer = new UrlSigner(store.root);
  registerStorageAdminActions(ctx, store, signer);
  registerObjectRoutes(ctx, store, signer);
  registerClientRoutes(ctx, store, signer);
  ctx.onReset.push(() => store.clear());
}
