import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePoppler } from '../../../test/support/debian-package.js';
import type { BriefingDocument } from '../../core/briefing/briefing-document.js';
import { renderBriefingPdf } from './render-briefing-pdf.js';
import { warmUpBriefingRenderer } from './warm-up-renderer.js';

// Text copied or extracted from a pack is the text that was laid out, in every pack of a process: the fonts are
// parsed once and shared, and a pack that embeds a composite glyph (ź = z + acute) once left `z` without its
// code point, so every later pack's ToUnicode map dropped the letter ("Sit ung", URLs without z).

const PACK: BriefingDocument = {
  lang: 'de',
  title: 'Lagebild',
  meetingTitle: 'Sitzung der Koalition in Zürich',
  date: '7. Dezember 2026',
  cover: [{ label: 'Zusagen', value: 'zwei zusätzliche Zusagen' }],
  marking: 'COALITION',
  markingLabel: 'Kennzeichnung',
  notice: 'Nur was der Empfänger sehen darf.',
  footer: { generated: 'Erzeugt am 7. Dezember 2026', pageWord: 'Seite', ofWord: 'von' },
  sections: [{ title: 'Zusammenfassung', blocks: [{ kind: 'paragraph', text: 'Die Sitzung beschloss zwölf Punkte; Łódź und Győr.', notes: [1] }] }],
  notes: [{ number: 1, text: 'Bundesregierung, https://www.bundesregierung.de/breg-de/aktuelles/sitzung-zusammenfassung' }],
  notesTitle: 'Notizen und Quellen',
  notesIntro: 'Quellen.',
};

describe('briefing PDF text', () => {
  const directory = mkdtempSync(join(tmpdir(), 'briefing-text-'));
  beforeAll(async () => {
    await ensurePoppler();
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const extract = async (name: string): Promise<string> => {
    const file = join(directory, `${name}.pdf`);
    writeFileSync(file, await renderBriefingPdf(PACK, new Date(0)));
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  it('extracts words and links with z from a pack rendered after another that embedded ź', async () => {
    await warmUpBriefingRenderer(); // its sample embeds Łódź: ź is a composite of z
    for (const name of ['first', 'second']) {
      const text = await extract(name);
      for (const word of ['Sitzung der Koalition in Zürich', 'zwei zusätzliche Zusagen', 'Zusammenfassung', 'zwölf', 'Łódź', 'https://www.bundesregierung.de/breg-de/aktuelles/sitzung-zusammenfassung']) {
        expect(text).toContain(word);
      }
    }
  });
});
