/** Shown while a page waits for the backend. */
Component({
  properties: { text: { type: String, value: '正在加载…' } },
});
