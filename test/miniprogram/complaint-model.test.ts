/**
 * The complaint form's pure parts (miniprogram/utils/complaint-form.ts) and the upload helper
 * (miniprogram/services/storage.ts) with a mocked `wx`: the same Chinese messages as the function, the mapping of
 * the function's `fields`, the draft, and the develop/cloud switch of uploads.
 */
import {
  checkForm,
  checkRecordForm,
  DRAFT_MAX_AGE_MS,
  emptyForm,
  emptyRecord,
  receivedAtOf,
  type RecordState,
  formErrorsOf,
  fromDraft,
  payloadOf,
  toDraft,
  type FormState,
} from '../../miniprogram/utils/complaint-form';
import { uploadFile, uploadPathFor } from '../../miniprogram/services/storage';

const filled = (over: Partial<FormState> = {}): FormState => ({
  ...emptyForm('complaint'),
  category: '公共场所',
  subjectName: '某某游泳馆',
  subjectAddress: '北山大道 1 号',
  description: '游泳池水浑浊有异味，没有消毒记录。',
  contactName: '张三丰',
  contactPhone: '139 8765 4321',
  ...over,
});

describe('checkForm', () => {
  it("answers the contract's Chinese messages per form field", () => {
    const res = checkForm(emptyForm());
    expect(res).toEqual({
      ok: false,
      errors: {
        kind: '请选择投诉或举报',
        category: '请选择所属领域',
        // Empty required fields say what is missing, not how long it must be.
        subjectName: '请填写被投诉举报对象名称',
        subjectAddress: '请填写地址',
        description: '请填写问题描述',
        contactName: '请填写姓名',
        contactPhone: '请填写联系电话',
      },
    });
  });

  it('refuses an anonymous complaint and accepts an anonymous report', () => {
    expect(checkForm(filled({ contactMode: 'anonymous' }))).toEqual({
      ok: false,
      errors: { contact: '投诉须留下真实姓名和联系电话；匿名只适用于举报' },
    });
    const report = checkForm(filled({ kind: 'report', contactMode: 'anonymous' }));
    expect(report.ok && report.payload.contact).toEqual({ anonymous: true });
  });

  it('sends only uploaded photos, normalises the phone, and waits for uploads', () => {
    const photos = [
      { localPath: 'a', fileID: 'cloud://env/quarantine/o/a.jpg', progress: 100, state: 'done' as const },
      { localPath: 'b', fileID: '', progress: 40, state: 'uploading' as const },
    ];
    expect(checkForm(filled({ photos }))).toEqual({
      ok: false,
      errors: { photos: '图片正在上传，请稍候再提交' },
    });
    const ok = checkForm(filled({ photos: [photos[0]!] }));
    expect(ok.ok && ok.payload).toMatchObject({
      photos: ['cloud://env/quarantine/o/a.jpg'],
      contact: { anonymous: false, name: '张三丰', phone: '13987654321' },
    });
    expect(payloadOf(filled({ photos })).photos).toEqual(['cloud://env/quarantine/o/a.jpg']);
  });
});

describe('formErrorsOf', () => {
  it("puts the function's fields on the form and names the photo", () => {
    expect(
      formErrorsOf({
        'payload.photos.2': '只能提交您本人刚上传的图片',
        'payload.subject.address': '地址至少 4 个字',
        'payload.somethingNew': '未知问题',
      }),
    ).toEqual({
      errors: { photos: '第 3 张图片：只能提交您本人刚上传的图片', subjectAddress: '地址至少 4 个字' },
      other: ['未知问题'],
    });
  });
});

describe('draft', () => {
  const now = Date.parse('2026-11-27T02:00:00Z');
  it('keeps typed fields and uploaded photos, drops unfinished uploads', () => {
    const form = filled({
      photos: [
        { localPath: 'a', fileID: 'cloud://x/quarantine/o/a.jpg', progress: 100, state: 'done' },
        { localPath: 'b', fileID: '', progress: 0, state: 'failed' },
      ],
    });
    const restored = fromDraft(JSON.parse(JSON.stringify(toDraft(form, now))), now + 1000);
    expect(restored).toEqual({ ...form, photos: [form.photos[0]] });
  });

  it('drops a stale or malformed draft', () => {
    expect(fromDraft(toDraft(filled(), now), now + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(fromDraft({ savedAt: now, form: { subjectName: 42 } }, now)).toBeNull();
    expect(fromDraft('', now)).toBeNull();
  });
});

describe('uploadFile', () => {
  const uploadFileWx = jest.fn();
  const cloudUpload = jest.fn();
  let envVersion = 'develop';
  beforeAll(() => {
    (globalThis as unknown as { wx: unknown }).wx = {
      getAccountInfoSync: () => ({ miniProgram: { envVersion } }),
      getStorageSync: () => ({ baseUrl: 'http://127.0.0.1:4000', openid: 'demo-citizen', appId: 'wx_app' }),
      uploadFile: uploadFileWx,
      cloud: { uploadFile: cloudUpload },
    };
  });
  beforeEach(() => jest.clearAllMocks());

  it("develop: posts to the emulator's client storage endpoint as the demo identity, with progress", async () => {
    envVersion = 'develop';
    const progress: number[] = [];
    uploadFileWx.mockImplementation((o: { success(r: unknown): void }) => {
      setTimeout(() => o.success({ statusCode: 200, data: JSON.stringify({ fileID: 'cloud://e/q.jpg' }) }));
      return { onProgressUpdate: (cb: (r: { progress: number }) => void) => cb({ progress: 55 }) };
    });
    const res = await uploadFile({
      cloudPath: 'quarantine/demo-citizen/a.jpg',
      filePath: 'wxfile://tmp/a.jpg',
      onProgress: (p) => progress.push(p),
    });
    expect(res).toEqual({ ok: true, fileID: 'cloud://e/q.jpg' });
    expect(progress).toEqual([55]);
    expect(uploadFileWx).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'http://127.0.0.1:4000/_client/storage/upload',
        name: 'file',
        formData: { cloudPath: 'quarantine/demo-citizen/a.jpg' },
        header: { 'X-WX-OPENID': 'demo-citizen', 'X-WX-APPID': 'wx_app' },
      }),
    );
    expect(cloudUpload).not.toHaveBeenCalled();
  });

  it('develop: a refusal by the storage rules is a Chinese failure', async () => {
    envVersion = 'develop';
    uploadFileWx.mockImplementation((o: { success(r: unknown): void }) =>
      o.success({ statusCode: 403, data: '{"errCode":-403003,"errMsg":"cloud.uploadFile:fail"}' }),
    );
    const res = await uploadFile({ cloudPath: 'quarantine/x/a.jpg', filePath: 'a.jpg' });
    expect(res).toEqual({ ok: false, message: '图片上传失败，请检查网络后重试' });
  });

  it.each(['trial', 'release'])('%s: always wx.cloud.uploadFile', async (version) => {
    envVersion = version;
    cloudUpload.mockImplementation((o: { success(r: unknown): void }) =>
      o.success({ fileID: 'cloud://p/a.jpg' }),
    );
    const res = await uploadFile({ cloudPath: 'quarantine/o/a.jpg', filePath: 'a.jpg' });
    expect(res).toEqual({ ok: true, fileID: 'cloud://p/a.jpg' });
    expect(cloudUpload).toHaveBeenCalledWith(
      expect.objectContaining({ cloudPath: 'quarantine/o/a.jpg', filePath: 'a.jpg' }),
    );
    expect(uploadFileWx).not.toHaveBeenCalled();
  });

  it('names uploads under the prefix with the picked extension', () => {
    expect(uploadPathFor('quarantine/o/', 'wxfile://tmp/x.PNG', 0)).toMatch(
      /^quarantine\/o\/0-[a-z0-9]+\.png$/,
    );
    expect(uploadPathFor('quarantine/o/', 'http://tmp/x', 0)).toMatch(/\.jpg$/);
  });
});

describe('checkRecordForm (staff recording a phone call, 12345 order, petition or letter)', () => {
  const record = (over: Partial<RecordState> = {}): RecordState => ({
    ...emptyRecord(),
    ...filled(),
    source: 'letter',
    sourceRef: '',
    receivedDate: '',
    receivedTime: '',
    ...over,
  });

  it('leaves the receipt time to the server (now) unless a date is picked', () => {
    const res = checkRecordForm(record());
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.payload.receivedAt).toBeUndefined();
  });

  it('sends the picked receipt date and time in China Standard Time', () => {
    const res = checkRecordForm(record({ receivedDate: '2026-11-20', receivedTime: '14:30' }));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.payload.receivedAt).toBe('2026-11-20T14:30:00+08:00');
    expect(receivedAtOf({ receivedDate: '2026-11-20', receivedTime: '' })).toBe('2026-11-20T09:00:00+08:00');
  });

  it("maps the function's receivedAt refusal onto the field", () => {
    expect(formErrorsOf({ 'payload.receivedAt': '收到时间不能晚于现在' }).errors).toEqual({
      receivedAt: '收到时间不能晚于现在',
    });
  });
});
