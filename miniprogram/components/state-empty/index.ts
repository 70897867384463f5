/** A list or section with nothing in it yet. */
Component({
  options: { multipleSlots: false },
  properties: {
    title: { type: String, value: '暂无内容' },
    description: { type: String, value: '' },
  },
});
