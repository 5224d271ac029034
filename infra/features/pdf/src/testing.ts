import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';

/** What a reader of a PDF gets: its text page by page (spaces collapsed) and each page drawn as a PNG. */
export interface ReadPdf {
  pages: string[];
  /** Every page's text, one after the other. */
  text: string;
  png: Buffer[];
  /** The fonts the file names (subset prefixes removed), e.g. ["DejaVuSans", "DejaVuSans-Bold"]. */
  fonts: string[];
}

/**
 * Reads a PDF as a person would: renders each page (pdf.js on a native canvas, so a document that
 * cannot be drawn fails here) and extracts its text, for tests to assert what it says.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const raw = Buffer.from(bytes);
  const fonts = [
    ...new Set([...raw.toString('latin1').matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]!)),
  ];
  const document = await getDocumentProxy(new Uint8Array(raw));
  const { text } = await extractText(document, { mergePages: false });
  const png: Buffer[] = [];
  for (let page = 1; page <= document.numPages; page++)
    png.push(
      Buffer.from(
        await renderPageAsImage(document, page, { canvasImport: () => import('@napi-rs/canvas'), scale: 0.8 }),
      ),
    );
  const pages = text.map((page) => page.replace(/\s+/g, ' ').trim());
  return { pages, text: pages.join(' '), png, fonts };
}
