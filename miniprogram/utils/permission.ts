/**
 * What a failed wx API call means for the person (nothing fails silently): they cancelled
 * (say nothing), refused a permission in WeChat's or the phone's settings (say what and offer wx.openSetting),
 * refused the privacy guide (say what cannot be used; typing still works), or something else failed.
 */
export type FailureKind = 'cancel' | 'permission' | 'privacy' | 'other';

export function failureKind(errMsg: string | undefined): FailureKind {
  const msg = errMsg ?? '';
  if (/privacy/i.test(msg)) return 'privacy';
  if (/auth|deny|denied|permission|authorize/i.test(msg)) return 'permission';
  if (/cancel/i.test(msg)) return 'cancel';
  return 'other';
}

/** What each feature needs, in words a person recognises in the settings page. */
export const PERMISSION_NEEDS = {
  photos: { what: '相册或摄像头', use: '添加照片' },
  location: { what: '位置信息', use: '在地图上选点' },
  camera: { what: '摄像头', use: '扫码' },
} as const;
export type PermissionNeed = keyof typeof PERMISSION_NEEDS;

/** The notice a page shows: its text, and whether a 去设置 button (wx.openSetting) can fix it. */
export interface PermissionNotice {
  text: string;
  settings: boolean;
}

/** The notice for a failure, or null when the person only cancelled. */
export function permissionNotice(need: PermissionNeed, errMsg: string | undefined): PermissionNotice | null {
  const { what, use } = PERMISSION_NEEDS[need];
  switch (failureKind(errMsg)) {
    case 'cancel':
      return null;
    case 'permission':
      return {
        text: `未获得${what}权限，暂时不能${use}。请在设置中允许使用${what}后重试。`,
        settings: true,
      };
    case 'privacy':
      return {
        text: `您未同意《小程序隐私保护指引》，暂时不能${use}；其余内容可以照常填写。再次点按时可以重新选择同意。`,
        settings: false,
      };
    default:
      return { text: `暂时不能${use}，请稍后重试。`, settings: false };
  }
}

/** Opens WeChat's permission settings for this mini-program (only from a tap, as WeChat requires). */
export function openPermissionSettings(): void {
  if (typeof wx.openSetting === 'function') wx.openSetting({});
}
