/**
 * A read-only view of a BER/DER tree decoded by asn1js, with what signature checks need: the tag, the children, the
 * content bytes and the element's exact original bytes (signed attributes are hashed as they were encoded).
 */
import * as asn1js from 'asn1js';

export interface Asn1Node {
  /** 1 universal, 2 application, 3 context-specific, 4 private. */
  tagClass: number;
  tagNumber: number;
  children: Asn1Node[];
  /** Content octets of a primitive element (a constructed OCTET STRING is joined). */
  content: Uint8Array;
  /** The element as it was encoded, tag and length included. */
  raw: Uint8Array;
  /** The asn1js block, for OID and time conversions. */
  block: asn1js.AsnType;
}

export class Asn1Error extends Error {}

function wrap(block: asn1js.AsnType): Asn1Node {
  const base = block as asn1js.BaseBlock;
  // NULL and END OF CONTENT have no value block.
  const valueBlock = (base.valueBlock ?? {}) as unknown as { value?: unknown; valueHexView?: Uint8Array };
  // Only a constructed element's value holds elements (an OID's value holds its sub-identifiers).
  const children =
    base.idBlock.isConstructed && Array.isArray(valueBlock.value)
      ? (valueBlock.value as asn1js.AsnType[]).map(wrap)
      : [];
  let content = valueBlock.valueHexView ?? new Uint8Array(0);
  if (children.length > 0 && base.idBlock.tagClass === 1 && base.idBlock.tagNumber === 4) {
    content = Buffer.concat(children.map((c) => c.content));
  }
  return {
    tagClass: base.idBlock.tagClass,
    tagNumber: base.idBlock.tagNumber,
    children,
    content,
    raw: base.valueBeforeDecodeView,
    block,
  };
}

/** Decodes one element from the start of `bytes` (trailing bytes, such as zero padding, are ignored). */
export function decode(bytes: Uint8Array): Asn1Node {
  const view = new Uint8Array(bytes);
  const { offset, result } = asn1js.fromBER(view);
  if (offset === -1 || (result as asn1js.BaseBlock).error) throw new Asn1Error('ASN.1 解码失败');
  return wrap(result);
}

export function child(node: Asn1Node | undefined, index: number): Asn1Node {
  const found = node?.children[index];
  if (!found) throw new Asn1Error('ASN.1 结构不完整');
  return found;
}

export function isUniversal(node: Asn1Node, tagNumber: number): boolean {
  return node.tagClass === 1 && node.tagNumber === tagNumber;
}

export function isContext(node: Asn1Node, tagNumber: number): boolean {
  return node.tagClass === 3 && node.tagNumber === tagNumber;
}

export const TAG = {
  INTEGER: 2,
  OCTET_STRING: 4,
  OID: 6,
  SEQUENCE: 16,
  SET: 17,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
};

export function oid(node: Asn1Node): string {
  if (!isUniversal(node, TAG.OID)) throw new Asn1Error('应为对象标识符');
  return (node.block as asn1js.ObjectIdentifier).valueBlock.toString();
}

/** A UTCTime or GeneralizedTime as an instant, or undefined for anything else. */
export function time(node: Asn1Node): Date | undefined {
  if (node.block instanceof asn1js.UTCTime || node.block instanceof asn1js.GeneralizedTime) {
    const date = node.block.toDate();
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}
