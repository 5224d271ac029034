import PDFDocument from 'pdfkit';
import type { GuidedChoice } from '../entities';
import { Requirement } from './evaluation';

const MARGIN = 50;
const INK = '#1d1d1b';
const MUTED = '#6b6b6b';
const ACCENT = '#000091'; // the French state's blue

const parisTime = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

interface Column {
  title: string;
  width: number;
}

/** Draws a table with a header row; rows grow with their text and break across pages. */
function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]) {
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 8 }))) + 8;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    if (header) doc.rect(MARGIN, top, columns.reduce((sum, c) => sum + c.width, 0), height).fill('#eeeef6');
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + 4, top + 4, { width: columns[i]!.width - 8 });
      x += columns[i]!.width;
    });
    doc.moveTo(MARGIN, top + height).lineTo(x, top + height).strokeColor('#d0d0d0').lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(columns.map((c) => c.title), true);
  for (const row of rows) drawRow(row, false);
}

/**
 * The PAAC report as the guide shows it: project, market, date, author, entity, the answers
 * (question, answer, required, desired) and the retained brands and solutions.
 */
export function renderGuidedChoiceReport(choice: GuidedChoice): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Parcours d'Aide Au Choix — ${choice.projectName}`, Author: choice.authorName, Subject: 'Nuage Public', CreationDate: choice.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(18).text("Parcours d'Aide Au Choix");
  doc.moveDown(0.8);
  const facts: [string, string][] = [
    ['PROJET', choice.projectName],
    ['MARCHÉ', choice.market.name],
    ['DATE', parisTime(choice.createdAt)],
    ['PAR', choice.authorName],
    ['ENTITÉ BÉNÉFICIAIRE', choice.entityName ?? choice.entityId],
    ['CRITÈRES ÉVALUÉS AU', frenchDay(choice.asOf)],
  ];
  for (const [label, value] of facts) {
    doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(8).text(label);
    doc.fillColor(INK).font('Helvetica').fontSize(11).text(value);
    doc.moveDown(0.4);
  }
  doc.moveDown(0.6);

  const { answers, matches } = choice.result;
  const tick = (on: boolean) => (on ? 'X' : '');
  table(
    doc,
    [{ title: 'Question', width: 170 }, { title: 'Réponse', width: 205 }, { title: 'Exigé', width: 60 }, { title: 'Souhaité', width: 60 }],
    answers.map((a) => [
      a.questionLabel.fr,
      a.exceptBrands.length ? `${a.optionLabel.fr} : ${a.exceptBrands.map((b) => b.name).join(', ')}` : a.optionLabel.fr,
      tick(a.requirement === Requirement.REQUIRED),
      tick(a.requirement === Requirement.DESIRED),
    ]),
  );

  doc.moveDown(1.2);
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(13).text('Liste des marques / solutions');
  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`${matches.length} résultat(s) répondant aux critères`);
  doc.moveDown(0.5);
  const desired = answers.some((a) => a.requirement === Requirement.DESIRED);
  table(
    doc,
    [{ title: 'Marque', width: 150 }, { title: 'Solution', width: 245 }, { title: desired ? 'Souhaités' : '', width: 100 }],
    matches.map((m) => [m.brandName, m.solutionName, desired ? `${m.desiredMet} / ${m.desiredCount}` : '']),
  );
  doc.end();
  return done;
}
