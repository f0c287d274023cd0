// Language of an article by counting its most frequent function words in German and English.

import type { Language } from './types.js';

/** 'de' or 'en' when one language's cue words clearly dominate, else null (unknown language). */
export function detectLanguage(text: string, cues: Record<Language, readonly string[]>): Language | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const sets = { de: new Set(cues.de), en: new Set(cues.en) };
  let de = 0;
  let en = 0;
  for (const word of words) {
    if (sets.de.has(word)) de += 1;
    if (sets.en.has(word)) en += 1;
  }
  const total = de + en;
  if (total < 2 || total < words.length * 0.05) return null;
  if (de >= en * 1.5) return 'de';
  if (en >= de * 1.5) return 'en';
  return null;
}
