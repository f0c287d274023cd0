// fontkit (pdfkit's font engine) ships no types: the little the briefing uses — parse a font once and hand the
// parsed font to pdfkit, which accepts a fontkit font wherever it takes a font file.

declare module 'fontkit' {
  /** A parsed font: its tables are decoded on first use and kept. */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string, features?: Record<string, boolean>): unknown;
    /** The glyph a code point maps to (fontkit keeps one glyph object per glyph id). */
    glyphForCodePoint(codePoint: number): { codePoints: number[] };
  }
  /** Parse a font file's bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    registerFont(name: string, src: import('fontkit').Font): this;
  }
}
