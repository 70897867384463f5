/**
 * Verifies a sealed OFD document (GB/T 33190-2016 §18 "数字签名") at service issue (REC-7): the package is read
 * strictly (./zip.ts), then OFD.xml → DocBody/Signatures → Signatures.xml → each Signature's BaseLoc → Signature.xml:
 *
 * 1. every Reference of SignedInfo/References (CheckMethod SM3 1.2.156.10197.1.401 or SHA-256) must name a file of
 *    the package whose digest is its base64 CheckValue (else MODIFIED);
 * 2. every file of the package must be covered by every signature's References, except the signature files
 *    themselves (Signatures.xml, each Signature.xml, SignedValue, Seal): a file added or changed after signing is
 *    MODIFIED;
 * 3. the SignedValue (./ses.ts) must be a valid seal signature over Signature.xml's bytes.
 *
 * Locations are resolved as GB/T 33190 says: absolute from the package root, or relative to the file naming them
 * (then from the root when nothing is there, as some signers write them). XML with a DTD is refused (no entity
 * expansion); every message names the kind of file, never its content.
 */
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuse, sealAccepted, type SealCheck, type SealRefusal, type SignerCheck } from './seal';
import { verifySignedValue } from './ses';
import { readZip } from './zip';

const MAX_XML_BYTES = 4 * 1024 * 1024;

const ROLE = {
  ofd: '入口文件（OFD.xml）',
  signatures: '签名列表文件（Signatures.xml）',
  signature: '签名描述文件（Signature.xml）',
};

/** Digest algorithms a References/@CheckMethod may name (as an OID or by name). */
const CHECK_METHODS: Record<string, string> = {
  '1.2.156.10197.1.401': 'sm3',
  sm3: 'sm3',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  sha256: 'sha256',
};

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: false,
});

const isRefusal = (value: unknown): value is SealRefusal =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const asObject = (value: unknown): Xml => (typeof value === 'object' && value !== null ? (value as Xml) : {});

/** An element's or attribute's text. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  const inner = asObject(value)['#text'];
  return typeof inner === 'string' ? inner.trim() : '';
}

function decodeXml(bytes: Buffer): string | undefined {
  const declared = /encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'));
  const encoding = declared?.[1]?.toLowerCase() ?? 'utf-8';
  const label = ['gbk', 'gb2312', 'gb18030'].includes(encoding) ? 'gb18030' : encoding;
  if (label !== 'utf-8' && label !== 'utf8' && label !== 'gb18030') return undefined;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function parseXml(bytes: Buffer | undefined, role: string, missing: SealRefusal): Xml | SealRefusal {
  if (!bytes) return missing;
  const malformed = refuse('BAD_SIGNATURE', `${role}格式不正确，无法验证签章`);
  if (bytes.length > MAX_XML_BYTES) return refuse('UNSUPPORTED', `${role}过大，无法验证签章`);
  const xml = decodeXml(bytes);
  if (xml === undefined) return malformed;
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return malformed;
  try {
    if (XMLValidator.validate(xml) !== true) return malformed;
    return asObject(parser.parse(xml));
  } catch {
    return malformed;
  }
}

/** A location in the package: absolute from the root, or relative to `dir`; undefined when it leaves the root. */
export function resolveLoc(dir: string, loc: string): string | undefined {
  if (loc.length === 0) return undefined;
  const parts = loc.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const segment of loc.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * The file a location names, as the standard reads it (relative to `dir`); a relative location that names no file
 * there is read from the package root, as some signers write them. Either way the digests and the coverage rule
 * apply to the file found, so the fallback cannot hide a change.
 */
function locate(files: Map<string, Buffer>, dir: string, loc: string): string | undefined {
  const path = resolveLoc(dir, loc);
  if (!path || files.has(path) || loc.startsWith('/')) return path;
  const fromRoot = resolveLoc('', loc);
  return fromRoot && files.has(fromRoot) ? fromRoot : path;
}

interface SignatureFiles {
  path: string;
  bytes: Buffer;
  xml: Xml;
  signedValue: string;
  seal: string | undefined;
}

/** The Signatures.xml files OFD.xml names, and the Signature.xml files they list, in order. */
function signatureFiles(
  files: Map<string, Buffer>,
): { lists: string[]; signatures: SignatureFiles[] } | SealRefusal {
  const ofd = parseXml(
    files.get('OFD.xml'),
    ROLE.ofd,
    refuse('UNSUPPORTED', '文件不是 OFD 版式文件（缺少 OFD.xml），无法验证签章'),
  );
  if (isRefusal(ofd)) return ofd;
  const bodies = asArray(asObject(ofd.OFD).DocBody);
  if (bodies.length === 0)
    return refuse('UNSUPPORTED', '文件不是有效的 OFD 版式文件（没有文档），无法验证签章');
  const listed: string[] = [];
  for (const body of bodies) {
    const loc = text(asObject(body).Signatures);
    if (!loc) continue;
    const path = resolveLoc('', loc);
    if (!path) return refuse('BAD_SIGNATURE', `${ROLE.signatures}的位置不正确，无法验证签章`);
    listed.push(path);
  }
  const found: SignatureFiles[] = [];
  for (const listPath of listed) {
    const list = parseXml(
      files.get(listPath),
      ROLE.signatures,
      refuse('BAD_SIGNATURE', `${ROLE.signatures}缺失，无法验证签章`),
    );
    if (isRefusal(list)) return list;
    for (const entry of asArray(asObject(list.Signatures).Signature)) {
      const path = locate(files, dirOf(listPath), text(asObject(entry)['@BaseLoc']));
      const bytes = path === undefined ? undefined : files.get(path);
      if (path === undefined || bytes === undefined)
        return refuse('BAD_SIGNATURE', `${ROLE.signature}缺失，无法验证签章`);
      const xml = parseXml(
        bytes,
        ROLE.signature,
        refuse('BAD_SIGNATURE', `${ROLE.signature}缺失，无法验证签章`),
      );
      if (isRefusal(xml)) return xml;
      const signature = asObject(xml.Signature);
      const signedValue = locate(files, dirOf(path), text(signature.SignedValue));
      const sealLoc = text(asObject(asObject(signature.SignedInfo).Seal).BaseLoc);
      const seal = sealLoc ? locate(files, dirOf(path), sealLoc) : undefined;
      if (!signedValue || (sealLoc && !seal))
        return refuse('BAD_SIGNATURE', `${ROLE.signature}格式不正确，无法验证签章`);
      found.push({ path, bytes, xml: signature, signedValue, seal });
    }
  }
  return { lists: listed, signatures: found };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Checks one signature's References against the package; answers the paths they cover. */
function checkReferences(signature: SignatureFiles, files: Map<string, Buffer>): Set<string> | SealRefusal {
  const references = asObject(asObject(signature.xml.SignedInfo).References);
  const method = CHECK_METHODS[text(references['@CheckMethod']).toLowerCase().replace(/-/g, '')];
  if (!method)
    return refuse('UNSUPPORTED', '签章未注明或使用了不支持的摘要算法（支持 SM3 与 SHA-256），无法验证签章');
  const covered = new Set<string>();
  const list = asArray(references.Reference);
  if (list.length === 0) return refuse('BAD_SIGNATURE', '签章没有保护任何文件，签章无效');
  for (const reference of list) {
    const path = locate(files, dirOf(signature.path), text(asObject(reference)['@FileRef']));
    const checkValue = text(asObject(reference).CheckValue).replace(/\s+/g, '');
    if (!path || !BASE64.test(checkValue))
      return refuse('BAD_SIGNATURE', `${ROLE.signature}格式不正确，无法验证签章`);
    const content = files.get(path);
    if (!content) return refuse('MODIFIED', 'OFD 文件中签章保护的文件缺失，签章已失效');
    const digest = createHash(method).update(content).digest();
    if (!digest.equals(Buffer.from(checkValue, 'base64')))
      return refuse('MODIFIED', 'OFD 文件在签章后被修改过，签章已失效');
    covered.add(path);
  }
  return covered;
}

/** Checks a sealed OFD package (a ZIP file); refuses unsigned, changed, badly signed or unreadable ones. */
export function verifySealedOfd(bytes: Buffer): SealCheck {
  const zip = readZip(bytes);
  if (!zip.ok) return refuse('UNSUPPORTED', zip.message);
  const { files } = zip;
  const found = signatureFiles(files);
  if (isRefusal(found)) return found;
  const { lists, signatures } = found;
  if (signatures.length === 0) return refuse('UNSIGNED', '文件没有电子签章，不能作为送达文书');

  // The signature files themselves are outside what a signature protects (they are written with or after it).
  const signatureOwn = new Set<string>(lists);
  for (const s of signatures) [s.path, s.signedValue, s.seal].forEach((p) => p && signatureOwn.add(p));

  let first: Extract<SignerCheck, { ok: true }> | undefined;
  for (const signature of signatures) {
    const covered = checkReferences(signature, files);
    if (isRefusal(covered)) return covered;
    for (const path of files.keys()) {
      if (!covered.has(path) && !signatureOwn.has(path))
        return refuse(
          'MODIFIED',
          'OFD 文件在签章后被添加或修改了内容（有文件不在签章保护范围内），签章已失效',
        );
    }
    const signedValue = files.get(signature.signedValue);
    if (!signedValue) return refuse('BAD_SIGNATURE', '电子签章数据（SignedValue）缺失，签章无效');
    const seal = signature.seal === undefined ? undefined : files.get(signature.seal);
    if (signature.seal !== undefined && !seal)
      return refuse('BAD_SIGNATURE', '电子印章文件（Seal）缺失，签章无效');
    const check = verifySignedValue(signedValue, signature.bytes, seal);
    if (!check.ok) return check;
    first ??= check;
  }
  return sealAccepted(bytes, 'ofd', first!);
}
