/** The part of compressjs the tests use (the package ships no types). */
declare module "compressjs" {
  export const Bzip2: {
    compressFile(input: Uint8Array): Uint8Array;
    decompressFile(input: Uint8Array): Uint8Array;
  };
}
