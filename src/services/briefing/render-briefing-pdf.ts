import PDFDocument from 'pdfkit';
import { type Block, type BriefingDocument, formatNoteRefs } from '../../core/briefing/briefing-document.js';
import { COLOURS, CONTENT_WIDTH, loadFonts, PAGE, SIZES } from './pdf-layout.js';

// Lays the briefing document out as a PDF with pdfkit, on the server, no browser: a cover with the contents,
// one heading per section, tables, a vector bar chart drawn with paths, numbered notes, and on every page the
// confidentiality marking, the page number and the generation time.

type Doc = PDFKit.PDFDocument;

/** Render the briefing as PDF bytes; `generatedAt` also dates the file's metadata (no clock is read). */
export async function renderBriefingPdf(document: BriefingDocument, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: `${document.title}: ${document.meetingTitle}`, Author: 'Coalition Ledger', Subject: document.marking, CreationDate: generatedAt, ModDate: generatedAt },
    lang: document.lang,
  });
  for (const [name, font] of loadFonts()) doc.registerFont(name, font);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawCover(doc, document);
  document.sections.forEach((section, i) => {
    heading(doc, `${i + 1}  ${section.title}`);
    for (const block of section.blocks) drawBlock(doc, block);
  });
  drawNotes(doc, document);
  drawPageFurniture(doc, document);
  doc.end();
  return done;
}

function drawCover(doc: Doc, document: BriefingDocument): void {
  doc.y = PAGE.top + 40;
  doc.font('bold').fontSize(SIZES.small).fillColor(COLOURS.muted).text('COALITION LEDGER', PAGE.left, doc.y, { characterSpacing: 1.5 });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(SIZES.title).fillColor(COLOURS.accent).text(document.title);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(SIZES.h1).fillColor(COLOURS.ink).text(document.meetingTitle, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  doc.font('regular').fontSize(SIZES.h2).fillColor(COLOURS.muted).text(document.date);
  doc.moveDown(1);
  rule(doc);
  doc.moveDown(0.6);
  for (const row of document.cover) {
    const y = doc.y;
    doc.font('bold').fontSize(SIZES.body).fillColor(COLOURS.muted).text(row.label, PAGE.left, y, { width: 130 });
    const labelBottom = doc.y;
    doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.ink).text(row.value, PAGE.left + 140, y, { width: CONTENT_WIDTH - 140 });
    doc.y = Math.max(doc.y, labelBottom) + 4;
  }
  doc.moveDown(0.6);
  rule(doc);
  doc.moveDown(0.8);
  const boxY = doc.y;
  doc.font('bold').fontSize(SIZES.small).fillColor(COLOURS.marking).text(`${document.markingLabel}: ${document.marking}`, PAGE.left + 10, boxY + 8, { width: CONTENT_WIDTH - 20 });
  doc.font('regular').fontSize(SIZES.small).fillColor(COLOURS.ink).text(document.notice, PAGE.left + 10, doc.y + 3, { width: CONTENT_WIDTH - 20 });
  const boxBottom = doc.y + 8;
  doc.lineWidth(0.8).strokeColor(COLOURS.marking).rect(PAGE.left, boxY, CONTENT_WIDTH, boxBottom - boxY).stroke();
  doc.y = boxBottom + 24;
  doc.x = PAGE.left;
  doc.font('bold').fontSize(SIZES.h2).fillColor(COLOURS.accent).text(document.lang === 'de' ? 'Inhalt' : 'Contents', PAGE.left, doc.y);
  doc.moveDown(0.3);
  [...document.sections.map((section) => section.title), document.notesTitle].forEach((title, i) => {
    doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.ink).text(`${i + 1}.  ${title}`, PAGE.left + 6, doc.y, { width: CONTENT_WIDTH - 6 });
    doc.moveDown(0.15);
  });
  doc.addPage();
}

function heading(doc: Doc, title: string): void {
  ensureRoom(doc, 70);
  if (doc.y > PAGE.top + 5) doc.moveDown(0.9);
  doc.font('bold').fontSize(SIZES.h1 - 2).fillColor(COLOURS.accent).text(title, PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.15);
  rule(doc, COLOURS.accent, 0.9);
  doc.moveDown(0.5);
}

function drawBlock(doc: Doc, block: Block): void {
  doc.x = PAGE.left;
  switch (block.kind) {
    case 'paragraph':
      ensureRoom(doc, 24);
      citedText(doc, block.text, block.notes, { font: block.emphasis ? 'bold' : 'regular', width: CONTENT_WIDTH });
      doc.moveDown(0.45);
      return;
    case 'subheading':
      ensureRoom(doc, 40);
      doc.moveDown(0.2);
      doc.font('bold').fontSize(SIZES.body + 0.4).fillColor(COLOURS.ink).text(block.text, PAGE.left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.25);
      return;
    case 'list':
      for (const item of block.items) {
        ensureRoom(doc, 22);
        const y = doc.y;
        doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.accent).text('•', PAGE.left + 4, y, { lineBreak: false });
        doc.x = PAGE.left + 16;
        doc.y = y;
        citedText(doc, item.text, item.notes, { font: 'regular', width: CONTENT_WIDTH - 16, x: PAGE.left + 16 });
        doc.moveDown(0.25);
      }
      doc.x = PAGE.left;
      doc.moveDown(0.3);
      return;
    case 'figures':
      drawFigures(doc, block.rows);
      return;
    case 'bars':
      drawBars(doc, block);
      return;
    case 'table':
      drawTable(doc, block);
      return;
  }
}

// Text with its note references after it, in a smaller muted type.
function citedText(doc: Doc, text: string, notes: readonly number[] | undefined, options: { font: string; width: number; x?: number; size?: number }): void {
  const refs = formatNoteRefs(notes);
  const x = options.x ?? PAGE.left;
  doc.font(options.font).fontSize(options.size ?? SIZES.body).fillColor(COLOURS.ink);
  if (refs === '') {
    doc.text(text, x, doc.y, { width: options.width });
    return;
  }
  doc.text(`${text} `, x, doc.y, { width: options.width, continued: true });
  doc.font('regular').fontSize(SIZES.note).fillColor(COLOURS.muted).text(refs, { continued: false });
}

function drawFigures(doc: Doc, rows: Extract<Block, { kind: 'figures' }>['rows']): void {
  for (const [i, row] of rows.entries()) {
    ensureRoom(doc, 30);
    const y = doc.y;
    if (i % 2 === 0) doc.rect(PAGE.left, y - 3, CONTENT_WIDTH, 0).fill(COLOURS.faint);
    doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.muted).text(row.label, PAGE.left + 4, y, { width: 220 });
    const labelBottom = doc.y;
    doc.y = y;
    citedText(doc, row.value, row.notes, { font: 'bold', width: CONTENT_WIDTH - 236, x: PAGE.left + 232 });
    const bottom = Math.max(doc.y, labelBottom) + 5;
    doc.lineWidth(0.4).strokeColor(COLOURS.rule).moveTo(PAGE.left, bottom - 2).lineTo(PAGE.left + CONTENT_WIDTH, bottom - 2).stroke();
    doc.y = bottom + 2;
  }
  doc.x = PAGE.left;
  doc.moveDown(0.4);
}

function drawBars(doc: Doc, block: Extract<Block, { kind: 'bars' }>): void {
  const labelWidth = 150;
  const barX = PAGE.left + labelWidth + 8;
  const barWidth = CONTENT_WIDTH - labelWidth - 8;
  const scale = Math.max(1, ...block.rows.map((row) => Math.max(row.demand, row.max)));
  const x = (value: number) => barX + (Math.min(value, scale) / scale) * barWidth;
  for (const row of block.rows) {
    ensureRoom(doc, 48);
    const y = doc.y;
    doc.font('bold').fontSize(SIZES.small + 0.4).fillColor(COLOURS.ink).text(row.label, PAGE.left, y + 2, { width: labelWidth });
    const barTop = y + 2;
    const height = 13;
    doc.rect(barX, barTop, barWidth, height).fill(COLOURS.faint);
    if (row.max > 0) doc.rect(barX, barTop, x(row.max) - barX, height).fill(COLOURS.possible);
    if (row.min > 0) doc.rect(barX, barTop, x(row.min) - barX, height).fill(COLOURS.certain);
    doc.lineWidth(1.1).strokeColor(COLOURS.need).rect(barX, barTop - 1.5, x(row.demand) - barX, height + 3).stroke();
    doc.y = barTop + height + 4;
    citedText(doc, row.caption, row.notes, { font: 'regular', width: barWidth, x: barX, size: SIZES.small });
    doc.y = Math.max(doc.y, y + 30) + 6;
  }
  // Legend and scale.
  ensureRoom(doc, 20);
  const y = doc.y;
  const swatch = (colour: string, label: string, at: number, outline = false): number => {
    if (outline) doc.lineWidth(1.1).strokeColor(colour).rect(at, y + 1, 14, 7).stroke();
    else doc.rect(at, y + 1, 14, 7).fill(colour);
    doc.font('regular').fontSize(SIZES.small).fillColor(COLOURS.muted).text(label, at + 18, y, { lineBreak: false });
    return at + 18 + doc.widthOfString(label) + 16;
  };
  let at = swatch(COLOURS.certain, block.legend.certain, barX);
  at = swatch(COLOURS.possible, block.legend.possible, at);
  swatch(COLOURS.need, block.legend.need, at, true);
  doc.x = PAGE.left;
  doc.y = y + 18;
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>): void {
  const widths = block.columns.map((column) => column.width * CONTENT_WIDTH);
  const lefts = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const header = (): void => {
    const y = doc.y;
    block.columns.forEach((column, i) => {
      doc.font('condensedBold').fontSize(SIZES.small).fillColor(COLOURS.muted).text(column.title, (lefts[i] ?? 0) + 3, y, { width: (widths[i] ?? 0) - 6, align: column.align ?? 'left' });
    });
    const bottom = y + 12;
    doc.lineWidth(0.8).strokeColor(COLOURS.ink).moveTo(PAGE.left, bottom).lineTo(PAGE.left + CONTENT_WIDTH, bottom).stroke();
    doc.y = bottom + 4;
  };
  ensureRoom(doc, 40);
  header();
  for (const [r, row] of block.rows.entries()) {
    const height = Math.max(
      ...row.cells.map((cell, i) => {
        doc.font('condensed').fontSize(SIZES.small + 0.6);
        const text = i === 0 ? `${cell} ${formatNoteRefs(row.notes)}` : cell;
        return doc.heightOfString(text, { width: (widths[i] ?? 0) - 6 });
      }),
    );
    if (doc.y + height + 8 > PAGE.height - PAGE.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(PAGE.left, y - 2, CONTENT_WIDTH, height + 5).fill(COLOURS.faint);
    row.cells.forEach((cell, i) => {
      const align = block.columns[i]?.align ?? 'left';
      doc.font('condensed').fontSize(SIZES.small + 0.6).fillColor(COLOURS.ink);
      if (i === 0 && row.notes && row.notes.length > 0) {
        doc.text(`${cell} `, (lefts[i] ?? 0) + 3, y, { width: (widths[i] ?? 0) - 6, continued: true });
        doc.font('regular').fontSize(SIZES.note).fillColor(COLOURS.muted).text(formatNoteRefs(row.notes), { continued: false });
      } else doc.text(cell, (lefts[i] ?? 0) + 3, y, { width: (widths[i] ?? 0) - 6, align });
    });
    doc.y = y + height + 5;
  }
  doc.lineWidth(0.5).strokeColor(COLOURS.rule).moveTo(PAGE.left, doc.y - 2).lineTo(PAGE.left + CONTENT_WIDTH, doc.y - 2).stroke();
  doc.x = PAGE.left;
  doc.moveDown(0.7);
}

function drawNotes(doc: Doc, document: BriefingDocument): void {
  heading(doc, `${document.sections.length + 1}  ${document.notesTitle}`);
  doc.font('italic').fontSize(SIZES.small).fillColor(COLOURS.muted).text(document.notesIntro, PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  for (const note of document.notes) {
    ensureRoom(doc, 18);
    const y = doc.y;
    doc.font('bold').fontSize(SIZES.note + 0.4).fillColor(COLOURS.muted).text(String(note.number), PAGE.left, y, { width: 20, align: 'right' });
    doc.font('regular').fontSize(SIZES.note + 0.4).fillColor(COLOURS.ink).text(note.text, PAGE.left + 26, y, { width: CONTENT_WIDTH - 26 });
    doc.moveDown(0.2);
  }
}

// On every page: the marking at the top and bottom, the meeting in the header, page numbers and generation time.
function drawPageFurniture(doc: Doc, document: BriefingDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    doc.font('bold').fontSize(SIZES.small + 0.6).fillColor(COLOURS.marking).text(document.marking, PAGE.left, 30, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 1.2, lineBreak: false });
    if (i > range.start) {
      doc.font('regular').fontSize(SIZES.note).fillColor(COLOURS.muted).text(`${document.title} · ${document.meetingTitle} · ${document.date}`, PAGE.left, 48, { width: CONTENT_WIDTH, align: 'left', lineBreak: false, ellipsis: true });
      doc.lineWidth(0.4).strokeColor(COLOURS.rule).moveTo(PAGE.left, 60).lineTo(PAGE.left + CONTENT_WIDTH, 60).stroke();
    }
    const footerY = PAGE.height - 46;
    doc.lineWidth(0.4).strokeColor(COLOURS.rule).moveTo(PAGE.left, footerY - 6).lineTo(PAGE.left + CONTENT_WIDTH, footerY - 6).stroke();
    doc.font('regular').fontSize(SIZES.note).fillColor(COLOURS.muted).text(document.footer.generated, PAGE.left, footerY, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.font('regular').fontSize(SIZES.note).fillColor(COLOURS.muted).text(`${document.footer.pageWord} ${i - range.start + 1} ${document.footer.ofWord} ${range.count}`, PAGE.left + CONTENT_WIDTH / 2, footerY, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.font('bold').fontSize(SIZES.small).fillColor(COLOURS.marking).text(document.marking, PAGE.left, footerY + 14, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 1.2, lineBreak: false });
    doc.page.margins = margins;
  }
}

function rule(doc: Doc, colour: string = COLOURS.rule, width = 0.6): void {
  doc.lineWidth(width).strokeColor(colour).moveTo(PAGE.left, doc.y).lineTo(PAGE.left + CONTENT_WIDTH, doc.y).stroke();
}

function ensureRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > PAGE.height - PAGE.bottom) doc.addPage();
}
