import { documentParties, pdfDocument, pdfEnd, pdfFacts, pdfParties, pdfTable, pdfText, pdfTitle } from '@nuage/pdf';
import { Requirement } from './evaluation.js';
import { type GuidedChoicePrint, paacFileName } from './report-print.js';

const parisTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const parisTime = (date: Date) => parisTimeFormat.format(date);
const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The PAAC report as the guide shows it: project, market, date, author, entity, the answers
 * (question, answer, required, desired) and the retained brands and solutions.
 */
export function renderGuidedChoiceReport(choice: GuidedChoicePrint): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    Title: `Parcours d'Aide Au Choix — ${choice.projectName}`,
    Author: choice.authorName,
    Subject: choice.market.marketName,
    CreationDate: choice.createdAt,
  });
  pdfTitle(doc, "Parcours d'Aide Au Choix");
  doc.moveDown(0.8);
  pdfFacts(doc, [
    ['PROJET', choice.projectName],
    ['MARCHÉ', `${choice.market.marketName} (réf. ${choice.market.marketReference})`],
    ['DATE', parisTime(choice.createdAt)],
    ['PAR', choice.authorName],
    ['CRITÈRES ÉVALUÉS AU', frenchDay(choice.asOf)],
  ]);
  pdfParties(
    doc,
    documentParties({ buyer: choice.buyer ?? { name: choice.entityName ?? choice.entityId }, market: choice.market }),
  );
  doc.moveDown(0.6);

  const { answers, matches } = choice.result;
  const tick = (on: boolean) => (on ? 'X' : '');
  pdfTable(
    doc,
    [
      { title: 'Question', width: 170 },
      { title: 'Réponse', width: 205 },
      { title: 'Exigé', width: 60 },
      { title: 'Souhaité', width: 60 },
    ],
    answers.map((a) => [
      a.questionLabel.fr,
      a.exceptBrands.length
        ? `${a.optionLabel.fr} : ${a.exceptBrands.map((b) => b.name).join(', ')}`
        : a.optionLabel.fr,
      tick(a.requirement === Requirement.REQUIRED),
      tick(a.requirement === Requirement.DESIRED),
    ]),
  );

  doc.moveDown(1.2);
  pdfTitle(doc, 'Liste des marques / solutions', 13);
  pdfText(doc, `${matches.length} résultat(s) répondant aux critères`, { size: 9, muted: true });
  doc.moveDown(0.5);
  const desired = answers.some((a) => a.requirement === Requirement.DESIRED);
  pdfTable(
    doc,
    [
      { title: 'Marque', width: 150 },
      { title: 'Solution', width: 245 },
      { title: desired ? 'Souhaités' : '', width: 100 },
    ],
    matches.map((m) => [m.brandName, m.solutionName, desired ? `${m.desiredMet} / ${m.desiredCount}` : '']),
  );
  pdfEnd(doc, `Parcours d'Aide Au Choix — ${choice.projectName} — ${paacFileName(choice.createdAt)}`);
  return done;
}
