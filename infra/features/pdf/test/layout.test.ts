import { describe, expect, it } from 'vitest';
import { pdfDocument, pdfEnd, pdfParties, pdfTable, pdfTitle } from '../src/index.js';
import { readPdf } from '../src/testing.js';

async function longInvoice(): Promise<Buffer> {
  const { doc, done } = pdfDocument({ Title: 'Facture FA000001' });
  pdfTitle(doc, 'Facture FA000001 — « À échoir »');
  pdfParties(doc, [
    { role: 'BÉNÉFICIAIRE', name: 'Entité', details: ['SIRET 130 025 265 00013'] },
    { role: 'FOURNISSEUR', name: 'OVH SAS', details: ['2 rue Kellermann, 59100 Roubaix'] },
  ]);
  pdfTable(
    doc,
    [
      { title: 'Désignation', width: 300 },
      { title: 'Total HT', width: 100, align: 'right' },
    ],
    Array.from({ length: 90 }, (_, i) => [`Ligne ${i + 1} — Échu`, '1\u202f234,50\u00a0€']),
  );
  pdfEnd(doc, 'Facture FA000001');
  return done;
}

describe('documents as people read them', () => {
  it('repeat the table header and number every page, in an embedded font that prints French', async () => {
    const pdf = await readPdf(await longInvoice());
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain('Désignation Total HT');
      expect(page).toContain(`Page ${i + 1} / ${pdf.pages.length}`);
    });
    expect(pdf.text).toContain('« À échoir »');
    expect(pdf.text).toContain('Ligne 90 — Échu');
    // The narrow no-break space is drawn as such (Helvetica would print a slash).
    expect(pdf.text).toMatch(/1\s?234,50\s?€/);
    expect(pdf.text).not.toContain('1/234');
    expect(pdf.fonts).toEqual(expect.arrayContaining(['DejaVuSans', 'DejaVuSans-Bold']));
    expect(pdf.fonts.filter((font) => font.startsWith('Helvetica'))).toEqual([]);
    expect(pdf.png).toHaveLength(pdf.pages.length);
    for (const png of pdf.png) expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('say they are PDF/A in their metadata', async () => {
    const raw = (await longInvoice()).toString('latin1');
    expect(raw).toContain('pdfaid:part');
    expect(raw).toMatch(/OutputIntent/);
  });
});
