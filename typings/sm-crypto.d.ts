/**
 * The part of sm-crypto 0.5 (no bundled types; @types/sm-crypto describes 0.3) that the seal check
 * (server/service/sm2.ts) and the test signers (test/server/service/sm2Builder.ts) use: SM2 signatures with SM3 and
 * the signer's user ID (GM/T 0003.2, GM/T 0009), keys as hex (private key 32 bytes, public key 04||x||y).
 */
declare module 'sm-crypto' {
  interface SignatureOptions {
    /** r and s as a DER SEQUENCE (true) or as r||s, 64 hex digits each (false). */
    der?: boolean;
    /** Hash Z(userId, public key) || message with SM3 first (the SM2 signature scheme); default true. */
    hash?: boolean;
    publicKey?: string;
    /** Default '1234567812345678' (GM/T 0009). */
    userId?: string;
  }
  export const sm2: {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    doSignature(message: string | number[], privateKey: string, options?: SignatureOptions): string;
    doVerifySignature(
      message: string | number[],
      signatureHex: string,
      publicKey: string,
      options?: Omit<SignatureOptions, 'publicKey'>,
    ): boolean;
  };
  export function sm3(message: string | number[]): string;
}
