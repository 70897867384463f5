/** What was asked for does not exist (or may not be seen: the backend answers both as NOT_FOUND). */
Component({
  properties: {
    title: { type: String, value: '未找到相关内容' },
    description: { type: String, value: '' },
  },
});
