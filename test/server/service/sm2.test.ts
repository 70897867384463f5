/**
 * SM2/SM3 as the seal check uses them (REC-7; 国密 seals): the published example of GM/T 0003.5-2012 Annex A /
 * GB/T 32918.5-2017 (the recommended curve, user ID 1234567812345678, message "message digest") verifies and any
 * change to it does not, in DER and r||s form; SM3 gives GB/T 32905-2016's examples through Node's crypto.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SM2_USER_ID, sm2Verify } from '../../../server/service/sm2';
import { sm2Sign, sm2Signer } from './sm2Builder';

const hex = (h: string) => Buffer.from(h, 'hex');
const PUBLIC_KEY = hex(
  '04' +
    '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' +
    'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
);
const R = 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3';
const S = 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA';
const MESSAGE = Buffer.from('message digest');
/** DER SEQUENCE { INTEGER r, INTEGER s }: both start with a high bit, so each gets a leading zero byte. */
const DER = hex(`3046022100${R}022100${S}`);

describe('SM3 (GB/T 32905-2016 examples)', () => {
  it('hashes "abc" and the 64-byte "abcd…" example', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('sm2Verify (GM/T 0003.5 Annex A example)', () => {
  it('verifies the published signature in DER and as r||s with the default user ID', () => {
    expect(DEFAULT_SM2_USER_ID).toBe('1234567812345678');
    expect(sm2Verify(PUBLIC_KEY, MESSAGE, DER)).toBe(true);
    expect(sm2Verify(PUBLIC_KEY, MESSAGE, hex(R + S))).toBe(true);
  });

  it('refuses another message, another user ID, a changed signature and another key', () => {
    expect(sm2Verify(PUBLIC_KEY, Buffer.from('message digesT'), DER)).toBe(false);
    expect(sm2Verify(PUBLIC_KEY, MESSAGE, DER, 'ALICE123@YAHOO.COM')).toBe(false);
    const changed = Buffer.from(DER);
    changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 0x01, changed.length - 1);
    expect(sm2Verify(PUBLIC_KEY, MESSAGE, changed)).toBe(false);
    const other = hex(sm2Signer('另一印章').publicKey);
    expect(sm2Verify(other, MESSAGE, DER)).toBe(false);
  });

  it('answers false, never throws, on malformed keys and signatures', () => {
    for (const key of [Buffer.alloc(0), Buffer.alloc(65), PUBLIC_KEY.subarray(0, 33)])
      expect(sm2Verify(key, MESSAGE, DER)).toBe(false);
    for (const sig of [Buffer.alloc(0), Buffer.alloc(64), hex('3006020100020100'), DER.subarray(0, 40)])
      expect(sm2Verify(PUBLIC_KEY, MESSAGE, sig)).toBe(false);
  });

  it('verifies what the test signer signs (so the test certificates are real SM2)', () => {
    const signer = sm2Signer('测试印章');
    const data = Buffer.from('签名描述文件');
    expect(sm2Verify(hex(signer.publicKey), data, sm2Sign(data, signer))).toBe(true);
  });
});
