/**
 * Large-font care (关怀模式): WeChat reports the user's font size setting in px (`fontSizeSetting`, 17 at the
 * standard size on iOS, 16 on Android). Pages scale their text by it, capped so that layouts stay whole; the
 * preview checks the cap for overflow (scripts/preview.ts).
 */
export const STANDARD_FONT_PX = 17;
export const MAX_FONT_SCALE = 1.6;

export function fontScaleFor(fontSizeSetting: number | undefined): number {
  if (!fontSizeSetting || !Number.isFinite(fontSizeSetting)) return 1;
  const scale = fontSizeSetting / STANDARD_FONT_PX;
  return Math.round(Math.min(MAX_FONT_SCALE, Math.max(1, scale)) * 100) / 100;
}

export function currentFontScale(): number {
  try {
    return fontScaleFor(wx.getSystemInfoSync().fontSizeSetting);
  } catch {
    return 1;
  }
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
