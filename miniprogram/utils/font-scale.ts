/**
 * Large-font care (关怀模式). WeChat's 小程序适老化设计指南 (developers.weixin.qq.com/miniprogram/design/elderly.html):
 * read the user's WeChat font size with `wx.getAppBaseInfo()` (recommended; `wx.getSystemInfo*` is "no longer
 * maintained") — `fontSizeScaleFactor` is the factor itself; `fontSizeSetting` is in px, 17 at the standard size
 * on iOS and 16 on Android (where it is 16 × the factor, rounded). Pages scale their text by the factor, capped
 * so that layouts stay whole; scripts/preview.ts checks the cap for overflow at the largest setting.
 */
export const STANDARD_FONT_PX = { ios: 17, android: 16 } as const;
/** iOS 414-pt screens' largest step is 25.5 px (×1.5); iPad reaches 29.75 px (×1.75): capped here. */
export const MAX_FONT_SCALE = 1.6;

export interface FontInfo {
  fontSizeScaleFactor?: number;
  fontSizeSetting?: number;
  /** `ios`, `android`, `devtools`, … (wx.getDeviceInfo / wx.getSystemInfoSync). */
  platform?: string;
}

const usable = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** The scale for the page root: WeChat's factor, else derived from the px setting; never below 1, capped. */
export function fontScaleFrom(info: FontInfo): number {
  let factor = 1;
  if (usable(info.fontSizeScaleFactor)) factor = info.fontSizeScaleFactor;
  else if (usable(info.fontSizeSetting)) {
    const standard = info.platform === 'android' ? STANDARD_FONT_PX.android : STANDARD_FONT_PX.ios;
    factor = info.fontSizeSetting / standard;
  }
  return Math.round(Math.min(MAX_FONT_SCALE, Math.max(1, factor)) * 100) / 100;
}

/** The part of `wx` read here (declared locally so this file also type-checks and tests outside the app). */
interface FontWx {
  getAppBaseInfo?: () => { fontSizeScaleFactor?: number; fontSizeSetting?: number };
  getDeviceInfo?: () => { platform?: string };
  getSystemInfoSync?: () => FontInfo;
}
declare const wx: FontWx;

/** getAppBaseInfo from base library 2.20.1 (fontSizeSetting in it from 2.23.4); older ones: getSystemInfoSync. */
export function readFontInfo(): FontInfo {
  try {
    if (typeof wx.getAppBaseInfo === 'function') {
      const base = wx.getAppBaseInfo();
      const platform = typeof wx.getDeviceInfo === 'function' ? wx.getDeviceInfo().platform : undefined;
      return {
        fontSizeScaleFactor: base.fontSizeScaleFactor,
        fontSizeSetting: base.fontSizeSetting,
        platform,
      };
    }
    return wx.getSystemInfoSync?.() ?? {};
  } catch {
    return {};
  }
}

export function currentFontScale(): number {
  return fontScaleFrom(readFontInfo());
}

/**
 * The page root's style: our own `--fs` factor and TDesign's font tokens scaled (their defaults from
 * tdesign-miniprogram common/style/theme/_font.wxss), so TDesign components grow with our text.
 */
export function fontScaleStyle(scale: number): string {
  const px = (rpx: number) => `${Math.round(rpx * scale)}rpx`;
  const family = 'var(--td-font-family, PingFang SC, Microsoft YaHei, sans-serif)';
  const font = (weight: string, size: number, line: number) =>
    `${weight} ${px(size)} / ${px(line)} ${family}`;
  return [
    `--fs: ${scale}`,
    `--td-font-size-base: ${px(28)}`,
    `--td-font-size-m: ${px(32)}`,
    `--td-font-body-large: ${font('', 32, 48)}`,
    `--td-font-body-medium: ${font('', 28, 44)}`,
    `--td-font-body-small: ${font('', 24, 40)}`,
    `--td-font-mark-large: ${font('600', 32, 48)}`,
    `--td-font-mark-medium: ${font('600', 28, 44)}`,
    `--td-font-title-large: ${font('600', 36, 54)}`,
  ].join('; ');
}
