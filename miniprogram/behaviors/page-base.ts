/** Every page: the large-font scale on its root (`style="{{scaleStyle}}"`, class `fs-large` above 1.2×). */
import { currentFontScale, fontScaleStyle } from '../utils/font-scale';

export const pageBase = Behavior({
  data: { fontScale: 1, scaleStyle: '', largeFont: false },
  lifetimes: {
    attached() {
      const scale = currentFontScale();
      this.setData({ fontScale: scale, scaleStyle: fontScaleStyle(scale), largeFont: scale > 1.2 });
    },
  },
});
