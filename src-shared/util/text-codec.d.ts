/**
 * TextEncoder/TextDecoder exist in every runtime that runs src-shared (Node, Chromium, Electron),
 * but live in the DOM and Node type libraries, which src-shared must not load.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
