import { CLOUD_ENV } from './config';

App({
  onLaunch() {
    // wx.cloud exists from base library 2.2.3; trial and release call functions through it (services/api.ts).
    if (wx.cloud) wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: false } : { traceUser: false });
  },
});
