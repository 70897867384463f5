/**
 * 关怀模式: the scale follows WeChat's font setting as its 适老化设计指南 defines it —
 * `fontSizeScaleFactor` from wx.getAppBaseInfo, else `fontSizeSetting` over the platform's standard size
 * (17 px iOS, 16 px Android) — never shrinks, and is capped so layouts stay whole.
 */
import {
  currentFontScale,
  fontScaleFrom,
  fontScaleStyle,
  MAX_FONT_SCALE,
} from '../../miniprogram/utils/font-scale';

const setWx = (wx: unknown) => ((globalThis as unknown as { wx: unknown }).wx = wx);
afterEach(() => setWx(undefined));

describe('fontScaleFrom', () => {
  it('uses WeChat’s own factor when there is one', () => {
    expect(fontScaleFrom({ fontSizeScaleFactor: 1.4, fontSizeSetting: 23.8, platform: 'ios' })).toBe(1.4);
    expect(fontScaleFrom({ fontSizeScaleFactor: 1.3, fontSizeSetting: 21, platform: 'android' })).toBe(1.3);
  });

  it('derives the factor from the px setting with the platform’s standard size', () => {
    expect(fontScaleFrom({ fontSizeSetting: 23.8, platform: 'ios' })).toBe(1.4);
    expect(fontScaleFrom({ fontSizeSetting: 20, platform: 'android' })).toBe(1.25);
    expect(fontScaleFrom({ fontSizeSetting: 16, platform: 'android' })).toBe(1);
  });

  it('never shrinks below the standard and caps the largest settings', () => {
    expect(fontScaleFrom({ fontSizeScaleFactor: 0.94 })).toBe(1);
    expect(fontScaleFrom({ fontSizeSetting: 29.75, platform: 'ios' })).toBe(MAX_FONT_SCALE);
    expect(fontScaleFrom({})).toBe(1);
    expect(fontScaleFrom({ fontSizeScaleFactor: NaN, fontSizeSetting: 0 })).toBe(1);
  });
});

describe('currentFontScale', () => {
  it('prefers wx.getAppBaseInfo over the deprecated getSystemInfoSync', () => {
    const getSystemInfoSync = jest.fn(() => ({ fontSizeSetting: 17 }));
    setWx({
      getAppBaseInfo: () => ({ fontSizeScaleFactor: 1.5, fontSizeSetting: 25.5 }),
      getDeviceInfo: () => ({ platform: 'ios' }),
      getSystemInfoSync,
    });
    expect(currentFontScale()).toBe(1.5);
    expect(getSystemInfoSync).not.toHaveBeenCalled();
  });

  it('falls back to getSystemInfoSync on old base libraries, and to 1 when nothing answers', () => {
    setWx({ getSystemInfoSync: () => ({ fontSizeSetting: 20, platform: 'android' }) });
    expect(currentFontScale()).toBe(1.25);
    setWx({
      getSystemInfoSync: () => {
        throw new Error('no');
      },
    });
    expect(currentFontScale()).toBe(1);
  });
});

it('scales our factor and TDesign’s font tokens together', () => {
  const style = fontScaleStyle(1.5);
  expect(style).toContain('--fs: 1.5');
  expect(style).toContain('--td-font-size-base: 42rpx');
  expect(style).toContain('--td-font-body-large:  48rpx / 72rpx');
});
