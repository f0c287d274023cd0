import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as parseFont, type Font } from 'fontkit';

// The briefing's page design: A4, DejaVu Sans embedded from its npm package (every character the data uses:
// Ł, ő, →, €, ↔), a restrained palette, and helpers to keep blocks off the footer. The fonts are parsed once per
// process and shared by every pack (decoding DejaVu's tables costs more than laying out a pack), and laid out
// without OpenType features: the pack's Latin and Cyrillic text needs no ligatures or mark positioning, and
// DejaVu's kerning table alone took a third of the layout time.

const require = createRequire(import.meta.url);
const FONT_DIRECTORY = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: join(FONT_DIRECTORY, 'DejaVuSans.ttf'),
  bold: join(FONT_DIRECTORY, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_DIRECTORY, 'DejaVuSans-Oblique.ttf'),
  condensed: join(FONT_DIRECTORY, 'DejaVuSansCondensed.ttf'),
  condensedBold: join(FONT_DIRECTORY, 'DejaVuSansCondensed-Bold.ttf'),
} as const;

// Every default feature of fontkit's shaper, off (pdfkit passes no features of its own).
const PLAIN_LAYOUT = Object.fromEntries(['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map((feature) => [feature, false]));

let parsedFonts: Map<string, Font> | undefined;

/** The briefing's fonts, parsed on first use and kept for the process (pdfkit embeds a subset of each per pack). */
export function loadFonts(): ReadonlyMap<string, Font> {
  parsedFonts ??= new Map(Object.entries(FONTS).map(([name, file]) => [name, withPlainLayout(parseFont(readFileSync(file)))]));
  return parsedFonts;
}

// fontkit keeps one glyph object per glyph id, with the code points it was first looked up by. Subsetting a
// composite glyph (ź is z + acute) looks its components up by id alone, so `z` gets cached with no code points;
// every later pack of the process (the fonts are shared) then wrote an empty ToUnicode entry for it, and text
// copied or extracted from the PDF lost every z ("Sit ung", broken URLs). Before each layout, a glyph the text
// maps to that has lost its code points gets back the one it was looked up by.
function withPlainLayout(font: Font): Font {
  const layout = font.layout.bind(font);
  font.layout = (text: string) => {
    for (const character of text) {
      const codePoint = character.codePointAt(0) as number;
      const glyph = font.glyphForCodePoint(codePoint);
      if (glyph.codePoints.length === 0) glyph.codePoints = [codePoint];
    }
    return layout(text, PLAIN_LAYOUT);
  };
  return font;
}

export const PAGE = { width: 595.28, height: 841.89, left: 62, right: 62, top: 78, bottom: 72 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const COLOURS = {
  ink: '#1b2330',
  muted: '#5b6573',
  rule: '#c9ced6',
  faint: '#eef1f5',
  accent: '#1f3b63',
  certain: '#1f3b63',
  possible: '#8fb3d9',
  need: '#1b2330',
  marking: '#9b1c1c',
} as const;

export const SIZES = { body: 9.2, small: 7.6, note: 6.6, h1: 15, h2: 11, title: 24 } as const;
