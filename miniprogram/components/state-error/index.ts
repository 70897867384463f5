/** Something failed; the page decides what "retry" does (listens to `retry`). */
Component({
  properties: {
    title: { type: String, value: '加载失败' },
    message: { type: String, value: '服务暂时不可用，请稍后再试' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
