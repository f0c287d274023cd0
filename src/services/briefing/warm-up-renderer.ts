import type { BriefingDocument } from '../../core/briefing/briefing-document.js';
import { renderBriefingPdf } from './render-briefing-pdf.js';

// The first pack a process renders pays for parsing the fonts and for compiling pdfkit's and fontkit's layout
// code; a server renders this small sample once after it starts listening, so that its first real request
// does not. The sample uses every kind of block and every font, and characters beyond Latin-1 (Ł, ő, →, €).

const ROWS = 30;
const numbered = <T>(make: (i: number) => T): T[] => Array.from({ length: ROWS }, (_, i) => make(i + 1));
const sentence = (i: number): string => `Requirement ${i}: land forces (ua), 2,000–9,999 / 25,000 · shortfall 15,001–23,000 Łódź → Győr €${i}`;

const SAMPLE: BriefingDocument = {
  lang: 'en',
  title: 'Briefing',
  meetingTitle: 'Sample meeting',
  date: '1 January 2026',
  cover: numbered((i) => ({ label: `Label ${i}`, value: sentence(i) })).slice(0, 6),
  marking: 'COALITION',
  markingLabel: 'Marking',
  notice: 'Only what the requester may see.',
  footer: { generated: 'Generated 1 January 2026, 00:00 UTC', pageWord: 'Page', ofWord: 'of' },
  sections: [
    {
      title: 'Sample',
      blocks: [
        { kind: 'paragraph', text: numbered(sentence).join(' '), notes: [1, 2, 3] },
        { kind: 'paragraph', text: 'Emphasis', emphasis: true },
        { kind: 'subheading', text: 'Figures' },
        { kind: 'figures', rows: numbered((i) => ({ label: `Figure ${i}`, value: sentence(i), notes: [i] })) },
        { kind: 'bars', rows: numbered((i) => ({ label: `Requirement ${i}`, demand: 10 * i, min: i, max: 5 * i, caption: sentence(i), notes: [i] })), legend: { certain: 'certain', possible: 'possible', need: 'need' } },
        { kind: 'table', columns: [{ title: 'Requirement', width: 0.6 }, { title: 'Need', width: 0.4, align: 'right' }], rows: numbered((i) => ({ cells: [sentence(i), String(i)], notes: [i] })) },
        { kind: 'list', items: numbered((i) => ({ text: sentence(i), notes: [i] })) },
      ],
    },
  ],
  notes: numbered((i) => ({ number: i, text: `${sentence(i)}, https://example.org/${i}` })),
  notesTitle: 'Notes and sources',
  notesIntro: 'Sources.',
};

/** Render the sample pack once (fonts parsed, layout code compiled); the bytes are dropped. */
export async function warmUpBriefingRenderer(): Promise<void> {
  await renderBriefingPdf(SAMPLE, new Date(0));
}
