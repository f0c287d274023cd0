import type { BriefingLanguage } from './briefing-text.js';

// The briefing pack as a document: sections of blocks (paragraphs, figures, a bar chart, tables, lists), each
// figure citing numbered notes. The core builds it (pure, testable); the service lays it out as a PDF.

export interface Cited {
  /** Note numbers (1-based) this text's figures refer to. */
  notes?: number[];
}

export type Block =
  | ({ kind: 'paragraph'; text: string; emphasis?: boolean } & Cited)
  | { kind: 'figures'; rows: ({ label: string; value: string } & Cited)[] }
  | { kind: 'bars'; rows: ({ label: string; demand: number; min: number; max: number; caption: string } & Cited)[]; legend: { certain: string; possible: string; need: string } }
  | { kind: 'table'; columns: { title: string; width: number; align?: 'left' | 'right' }[]; rows: ({ cells: string[] } & Cited)[] }
  | { kind: 'list'; items: ({ text: string } & Cited)[] }
  | { kind: 'subheading'; text: string };

export interface BriefingSection {
  title: string;
  blocks: Block[];
}

export interface BriefingDocument {
  lang: BriefingLanguage;
  title: string;
  meetingTitle: string;
  /** The meeting's date, long form. */
  date: string;
  cover: { label: string; value: string }[];
  /** The highest confidentiality level included, e.g. `COALITION` or `RESTRICTED — DE`. */
  marking: string;
  markingLabel: string;
  notice: string;
  footer: { generated: string; pageWord: string; ofWord: string };
  sections: BriefingSection[];
  notes: { number: number; text: string }[];
  notesTitle: string;
  notesIntro: string;
}

/** Numbered notes, each text once: cite() returns its number. */
export class NoteRegistry {
  private readonly numbers = new Map<string, number>();

  /** The number of a note, adding it the first time. */
  cite(text: string): number {
    const known = this.numbers.get(text);
    if (known !== undefined) return known;
    const number = this.numbers.size + 1;
    this.numbers.set(text, number);
    return number;
  }

  /** The notes in number order. */
  list(): { number: number; text: string }[] {
    return [...this.numbers].map(([text, number]) => ({ number, text }));
  }
}

/** Note numbers as compact text: [1–3, 7]. */
export function formatNoteRefs(notes: readonly number[] | undefined): string {
  if (!notes || notes.length === 0) return '';
  const sorted = [...new Set(notes)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0] as number;
  let previous = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (n === previous + 1) {
      previous = n;
      continue;
    }
    parts.push(start === previous ? String(start) : previous === start + 1 ? `${start}, ${previous}` : `${start}–${previous}`);
    start = n;
    previous = n;
  }
  return `[${parts.join(', ')}]`;
}
