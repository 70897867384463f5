/**
 * The OFD package is hostile input (REC-7: the file comes from outside the system): ZIP bombs, oversized entries,
 * names that leave the package, entries that a viewer could read differently from the verifier, encrypted entries,
 * malformed or DTD-carrying XML are refused with a clear Chinese message, never a crash; random damage is fuzzed.
 */
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { verifySealedDocument } from '../../../server/service/signature';
import { ZIP_LIMITS } from '../../../server/service/zip';
import { ofdDocument, ofdSigner, PAGE, sealFiles, SIGN_0, zipOfd } from './ofdBuilder';

const NOT_A_PACKAGE = '文件不是有效的 OFD 版式文件（压缩包结构不正确），无法验证签章';
const UNSAFE_NAME = 'OFD 文件中有名称不安全的文件（如跳出压缩包的路径），无法验证签章';

function refusal(bytes: Buffer) {
  const result = verifySealedDocument(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

interface Central {
  /** Offset of the central directory record and of its local header. */
  at: number;
  localAt: number;
  name: string;
  /** Where the entry's compressed data lies. */
  data: [number, number];
}

/** The central directory of a ZIP written without a comment (as fflate writes it). */
function centralOf(zip: Buffer): Central[] {
  const end = zip.length - 22;
  const entries: Central[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const localAt = zip.readUInt32LE(at + 42);
    const start = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    entries.push({
      at,
      localAt,
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      data: [start, start + zip.readUInt32LE(at + 20)],
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Renames an entry in its local header, its central record, or both (same length). */
function rename(zip: Buffer, from: string, to: string, where: 'both' | 'local' = 'both'): Buffer {
  const out = Buffer.from(zip);
  const entry = centralOf(zip).find((e) => e.name === from)!;
  out.write(to, entry.localAt + 30, 'utf8');
  if (where === 'both') out.write(to, entry.at + 46, 'utf8');
  return out;
}

const sealedFiles = () => sealFiles(ofdDocument(true), ofdSigner());

describe('verifySealedDocument on hostile OFD packages', () => {
  it('refuses a ZIP bomb by its declared size and a lying one when inflating passes the declared size', () => {
    const bomb = zipSync({ 'OFD.xml': new Uint8Array(ZIP_LIMITS.entryBytes + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(Buffer.from(bomb)).message).toContain('解压后过大');

    // Declares 1 000 bytes but inflates to 2 MB: inflating stops at the declared size.
    const lying = Buffer.from(zipSync({ 'OFD.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 }));
    const [entry] = centralOf(lying);
    lying.writeUInt32LE(1000, entry!.at + 24);
    lying.writeUInt32LE(1000, entry!.localAt + 22);
    expect(refusal(lying).message).toContain('解压后过大');
  });

  it('refuses packages whose files together declare more than the total inflated size', () => {
    const parts = Object.fromEntries([0, 1, 2].map((i) => [`Doc_0/Res/image_${i}.bin`, new Uint8Array(10)]));
    const zip = Buffer.from(zipSync(parts));
    for (const entry of centralOf(zip)) zip.writeUInt32LE(ZIP_LIMITS.totalBytes / 3 + 1, entry.at + 24);
    expect(refusal(zip).message).toContain('解压后过大');
  });

  it('refuses names that leave the package, absolute or with backslashes', () => {
    for (const name of [
      '../OFD.xml',
      '/OFD.xml',
      'Doc_0/../../x.xml',
      'Doc_0\\..\\x.xml',
      'Doc_0//x.xml',
      'C:/x',
    ]) {
      const files = sealedFiles();
      files.set(name, Buffer.from('<x/>'));
      expect(refusal(zipOfd(files))).toEqual({ ok: false, code: 'UNSUPPORTED', message: UNSAFE_NAME });
    }
  });

  it('refuses two entries with one name (either could be shown) and a local header naming another file', () => {
    const files = sealedFiles();
    files.set('Doc_0/Pages/Page_9/Content.xml', Buffer.from('<ofd:Page/>'));
    files.set('XYZ.xml', Buffer.from('<x/>'));
    const zip = zipOfd(files);
    expect(refusal(rename(zip, 'Doc_0/Pages/Page_9/Content.xml', PAGE)).message).toContain('重名');
    expect(refusal(rename(zip, 'XYZ.xml', 'ofd.xml')).message).toContain('重名');
    expect(refusal(rename(zip, 'Doc_0/Pages/Page_9/Content.xml', PAGE, 'local')).message).toBe(NOT_A_PACKAGE);
  });

  it('refuses bytes before or after the archive and encrypted entries', () => {
    const zip = zipOfd(sealedFiles());
    expect(refusal(Buffer.concat([zip, Buffer.from('tail')])).message).toBe(NOT_A_PACKAGE);
    const prefixed = Buffer.concat([Buffer.from('PK\x03\x04'), zip]);
    expect(refusal(prefixed).message).toBe(NOT_A_PACKAGE);
    const encrypted = Buffer.from(zip);
    const [first] = centralOf(zip);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(first!.at + 8) | 1, first!.at + 8);
    expect(refusal(encrypted).message).toContain('加密');
  });

  it('refuses malformed XML, XML with a DTD and a package without OFD.xml, naming the kind of file', () => {
    const broken = sealedFiles();
    broken.set('OFD.xml', Buffer.from('<ofd:OFD><ofd:DocBody></ofd:OFD>'));
    expect(refusal(zipOfd(broken)).message).toBe('入口文件（OFD.xml）格式不正确，无法验证签章');

    const dtd = sealedFiles();
    const xml = dtd.get(`${SIGN_0}/Signature.xml`)!.toString('utf8');
    const entity = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>';
    dtd.set(`${SIGN_0}/Signature.xml`, Buffer.from(xml.replace('?>', `?>${entity}`), 'utf8'));
    expect(refusal(zipOfd(dtd)).message).toBe('签名描述文件（Signature.xml）格式不正确，无法验证签章');

    const noEntry = sealedFiles();
    noEntry.delete('OFD.xml');
    expect(refusal(zipOfd(noEntry))).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('OFD.xml'),
    });
  });

  it('never throws on damaged packages and never accepts a change to a file’s data', () => {
    const zip = zipOfd(sealedFiles());
    const spans = centralOf(zip).map((e) => e.data);
    const original = unzipSync(zip);
    // A flip in a deflate stream's padding bits after its last block leaves every file as it was (seen at the
    // last byte of OFD.xml's data): accepting that is right, so a change counts only when a file's content differs.
    const sameContent = (damaged: Buffer) => {
      const files = unzipSync(damaged);
      return Object.keys(original).every((name) => Buffer.from(files[name]!).equals(original[name]!));
    };
    fc.assert(
      fc.property(fc.nat(zip.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const damaged = Buffer.from(zip);
        damaged.writeUInt8(damaged.readUInt8(at) ^ flip, at);
        const result = verifySealedDocument(damaged);
        if (result.ok)
          return !spans.some(([start, stop]) => at >= start && at < stop) || sameContent(damaged);
        return /[\u4e00-\u9fa5]/.test(result.message);
      }),
      { numRuns: 150 },
    );
    // The case fast-check found once: the last byte of OFD.xml's data, bit 6.
    const lastByte = spans[0]![1] - 1;
    const padded = Buffer.from(zip);
    padded.writeUInt8(padded.readUInt8(lastByte) ^ 64, lastByte);
    const result = verifySealedDocument(padded);
    expect(result.ok ? sameContent(padded) : /[\u4e00-\u9fa5]/.test(result.message)).toBe(true);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (tail) => {
        const result = verifySealedDocument(Buffer.concat([Buffer.from('PK\x03\x04'), tail]));
        return !result.ok && result.message.length > 0;
      }),
      { numRuns: 200 },
    );
  });
});
