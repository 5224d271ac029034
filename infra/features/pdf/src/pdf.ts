import PDFDocument from 'pdfkit';

/** The look of every document the platform prints. */
export const PDF_STYLE = { margin: 50, ink: '#1d1d1b', muted: '#6b6b6b', accent: '#000091' } as const; // the French state's blue

export interface PdfColumn {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** Starts an A4 document and collects it into a Buffer once `end()` is called. */
export function pdfDocument(info: PDFKit.DocumentInfo): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: PDF_STYLE.margin, info });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A title in the accent colour. */
export function pdfTitle(doc: PDFKit.PDFDocument, text: string, size = 18) {
  doc.fillColor(PDF_STYLE.accent).font('Helvetica-Bold').fontSize(size).text(text);
}

/** Labelled facts, one under the other ("PROJET", "Environnement Cloud"…). */
export function pdfFacts(doc: PDFKit.PDFDocument, facts: [string, string][]) {
  for (const [label, value] of facts) {
    doc.fillColor(PDF_STYLE.muted).font('Helvetica-Bold').fontSize(8).text(label);
    doc.fillColor(PDF_STYLE.ink).font('Helvetica').fontSize(11).text(value);
    doc.moveDown(0.4);
  }
}

/** A table with a header row; rows grow with their text and break across pages. */
export function pdfTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][]) {
  const { margin, ink } = PDF_STYLE;
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 8 }))) + 8;
    if (doc.y + height > doc.page.height - margin) doc.addPage();
    const top = doc.y;
    let x = margin;
    if (header)
      doc
        .rect(
          margin,
          top,
          columns.reduce((sum, c) => sum + c.width, 0),
          height,
        )
        .fill('#eeeef6');
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
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) drawRow(row, false);
}
