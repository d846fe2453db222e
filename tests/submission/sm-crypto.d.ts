/**
 * Types of `sm-crypto@0.5.8` (CommonJS, no bundled types; `@types/sm-crypto`
 * is not installed): only what the cross-checks use. It is the independent
 * second SM2 implementation (jsbn, its own SM3), not the one we sign with.
 */
declare module 'sm-crypto' {
  interface KeyPair {
    privateKey: string;
    publicKey: string;
  }
  interface Sm2 {
    generateKeyPairHex(): KeyPair;
    doSignature(msg: string | number[], privateKey: string, options?: { der?: boolean; hash?: boolean; publicKey?: string; userId?: string }): string;
    doVerifySignature(
      msg: string | number[],
      signHex: string,
      publicKey: string,
      options?: { der?: boolean; hash?: boolean; userId?: string },
    ): boolean;
    getPublicKeyFromPrivateKey(privateKey: string): string;
  }
  const smCrypto: { sm2: Sm2; sm3(input: string | number[]): string };
  export default smCrypto;
}
