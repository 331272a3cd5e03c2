// Checked only by tsconfig.engine.json (the engine without the DOM): the one Web API the engine
// uses beyond ES2022. TextDecoder is in every runtime the engine runs in — Node, browsers and
// Web Workers — but TypeScript declares it with the DOM. The full project sees the DOM's own
// declaration, so tsconfig.json leaves this file out.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}
