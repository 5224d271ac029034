import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** The look of every document the platform prints. */
export const PDF_STYLE = { margin: 50, ink: '#1d1d1b', muted: '#6b6b6b', accent: '#000091' } as const; // the French state's blue

// Embedded (subset) in every document: PDF/A allows no standard font, and Helvetica lacks the
// narrow no-break space French uses between thousands (« 1 234,50 € »).
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const PDF_FONTS = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') } as const;
const REGULAR = 'Regular';
const BOLD = 'Bold';

/** A document being laid out (pdfkit's), for the modules that write into one. */
export type PdfDocument = PDFKit.PDFDocument;

export interface PdfColumn {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A party of a document (the buyer entity, the supplier, UGAP, the market holder): who, and where. */
export interface PdfParty {
  /** What the party is to the document: "BÉNÉFICIAIRE", "FOURNISSEUR"… */
  role: string;
  name: string;
  /** Lines under the name: legal identifiers, address, Chorus service code… */
  details: string[];
}

/** Starts an A4, PDF/A-3b tagged document in French, and collects it into a Buffer once `pdfEnd` is called. */
export function pdfDocument(info: PDFKit.DocumentInfo): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_STYLE.margin,
    info,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: 'fr-FR',
    bufferPages: true,
    font: PDF_FONTS.regular,
  });
  doc.registerFont(REGULAR, PDF_FONTS.regular);
  doc.registerFont(BOLD, PDF_FONTS.bold);
  doc.font(REGULAR);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** Ends a document: each page gets its footer (what the document is) and its number, « Page 2 / 3 ». */
export function pdfEnd(doc: PDFKit.PDFDocument, footer: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Written in the bottom margin, which would otherwise push the text onto a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PDF_STYLE.margin + 16;
    const width = doc.page.width - 2 * PDF_STYLE.margin;
    doc.fillColor(PDF_STYLE.muted).font(REGULAR).fontSize(7.5);
    doc.text(footer, PDF_STYLE.margin, y, { width: width - 70, lineBreak: false });
    doc.text(`Page ${i - start + 1} / ${count}`, PDF_STYLE.margin, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}

/** A title in the accent colour. */
export function pdfTitle(doc: PDFKit.PDFDocument, text: string, size = 18) {
  doc.fillColor(PDF_STYLE.accent).font(BOLD).fontSize(size).text(text);
}

/** Plain text in the document's font; `bold` for totals and notices. */
export function pdfText(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { size?: number; bold?: boolean; align?: 'left' | 'right'; muted?: boolean } = {},
) {
  doc
    .fillColor(options.muted ? PDF_STYLE.muted : PDF_STYLE.ink)
    .font(options.bold ? BOLD : REGULAR)
    .fontSize(options.size ?? 10)
    .text(text, { align: options.align ?? 'left' });
}

/** Labelled facts, one under the other ("PROJET", "Environnement Cloud"…). */
export function pdfFacts(doc: PDFKit.PDFDocument, facts: [string, string][]) {
  for (const [label, value] of facts) {
    doc.fillColor(PDF_STYLE.muted).font(BOLD).fontSize(8).text(label);
    doc.fillColor(PDF_STYLE.ink).font(REGULAR).fontSize(10.5).text(value);
    doc.moveDown(0.4);
  }
}

/** The parties, two by two in boxes: who buys, who supplies, through whom, under which market. */
export function pdfParties(doc: PDFKit.PDFDocument, parties: PdfParty[]) {
  const { margin, muted, ink } = PDF_STYLE;
  const gap = 12;
  const width = (doc.page.width - 2 * margin - gap) / 2;
  const inner = width - 16;
  const heightOf = (party: PdfParty) => {
    doc.font(BOLD).fontSize(9.5);
    let height = 8 + 11 + doc.heightOfString(party.name, { width: inner });
    doc.font(REGULAR).fontSize(8.5);
    for (const line of party.details) height += doc.heightOfString(line, { width: inner });
    return height + 8;
  };
  for (let i = 0; i < parties.length; i += 2) {
    const pair = parties.slice(i, i + 2);
    const height = Math.max(...pair.map(heightOf));
    if (doc.y + height > doc.page.height - margin) doc.addPage();
    const top = doc.y;
    pair.forEach((party, j) => {
      const x = margin + j * (width + gap);
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor('#c8c8d8').stroke();
      doc
        .fillColor(muted)
        .font(BOLD)
        .fontSize(7.5)
        .text(party.role, x + 8, top + 8, { width: inner });
      doc.fillColor(ink).font(BOLD).fontSize(9.5).text(party.name, { width: inner });
      doc.font(REGULAR).fontSize(8.5);
      for (const line of party.details) doc.text(line, { width: inner });
    });
    doc.x = margin;
    doc.y = top + height + gap / 2;
  }
}

/** A table with a header row, repeated on every page it runs onto; rows grow with their text. */
export function pdfTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][]) {
  const { margin, ink } = PDF_STYLE;
  const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const heightOf = (cells: string[], header: boolean) => {
    doc.font(header ? BOLD : REGULAR).fontSize(8.5);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 8 }))) + 8;
  };
  const drawRow = (cells: string[], header: boolean) => {
    const height = heightOf(cells, header);
    const top = doc.y;
    let x = margin;
    if (header) doc.rect(margin, top, tableWidth, height).fill('#eeeef6');
    doc.font(header ? BOLD : REGULAR).fontSize(8.5);
    cells.forEach((cell, i) => {
      doc
        .fillColor(ink)
        .text(cell, x + 4, top + 4, { width: columns[i]!.width - 8, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    doc
      .moveTo(margin, top + height)
      .lineTo(x, top + height)
      .strokeColor('#d0d0d0')
      .lineWidth(0.5)
      .stroke();
    doc.x = margin;
    doc.y = top + height;
  };
  const titles = columns.map((c) => c.title);
  const fits = (height: number) => doc.y + height <= doc.page.height - margin;
  // The header never stays alone at the bottom of a page.
  if (!fits(heightOf(titles, true) + (rows[0] ? heightOf(rows[0], false) : 0))) doc.addPage();
  drawRow(titles, true);
  for (const row of rows) {
    if (!fits(heightOf(row, false))) {
      doc.addPage();
      drawRow(titles, true);
    }
    drawRow(row, false);
  }
}
