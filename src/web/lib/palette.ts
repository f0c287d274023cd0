// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Bars also differ in
// lightness and every figure is written out, so colour is never the only carrier.

export const PALETTE = {
  certain: '#0072B2',
  possible: '#8CC8EC',
  demand: '#D55E00',
  inactive: '#999999',
  accent: '#E69F00',
  /** Sequential blues for the map, light to dark. */
  scale: ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
} as const;
