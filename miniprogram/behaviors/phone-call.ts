/**
 * Tap-to-call: every 12345 and unit number on the citizen pages is a button that calls
 * wx.makePhoneCall; the page's element carries the number as `data-phone`.
 */
/** 12345 政务服务便民热线: routes any matter to the competent body. */
export const HOTLINE_12345 = '12345';

export const phoneCall = Behavior({
  data: { hotline: HOTLINE_12345 },
  methods: {
    onCallPhone(e: WechatMiniprogram.TouchEvent) {
      const phone = String((e.currentTarget.dataset as { phone?: string }).phone ?? '').trim();
      if (/^[\d-]{3,20}$/.test(phone)) wx.makePhoneCall({ phoneNumber: phone });
    },
  },
});
