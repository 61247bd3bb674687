import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { openFont } from '../../src/theme/font-cache.js';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import { drawTextLine, setFillColor } from '../../src/vendor/pdfkit.js';

/**
 * drawTextLine must write what pdfkit's own text() writes for one unwrapped line, byte
 * for byte, and leave the document where text() leaves it: two documents get the same
 * lines, one through each, and their whole files are compared (content streams, font
 * subsets, widths, ToUnicode maps, object numbers).
 */

const created = new Date(Date.UTC(2026, 1, 27));

/** Text that reaches each branch: kerning, ligatures, spaces and tabs, marks placed with offsets. */
const LINES = [
  'Geneva',
  'AV To Wa Ty — “quotes”, kerning…',
  'office affine fjord ffl',
  'two  spaces\tand a tab\t',
  ' leading and trailing ',
  'Αθήνα ἄνθρωπος Київ Йошкар-Ола',
  // Combining marks: fontkit places them with x and y offsets.
  'e\u0301 a\u0300\u0323 n\u0303 q\u0307\u0323 x\u0302\u0301',
  'fraction 1\u20442 and 3⁄4',
  '12,345.67 % € ₴',
  '',
  ' ',
  'A',
];

type Draw = (doc: PDFKit.PDFDocument, text: string, x: number, y: number, scaling: number) => void;
type Fill = (doc: PDFKit.PDFDocument, color: string) => void;

/** Hex colours (made once), a short hex colour and a named one (left to pdfkit). */
const COLORS = ['#333333', '#1F4E79', '#abc', 'red', '#FFFFFF', '#333333'];

const withPdfkit: Draw = (doc, text, x, y, scaling) => {
  doc.text(text, x, y, {
    lineBreak: false,
    baseline: 'alphabetic',
    ...(scaling !== 100 && { horizontalScaling: scaling }),
  });
};
const direct: Draw = (doc, text, x, y, scaling) => drawTextLine(doc, text, x, y, scaling);
const pdfkitFill: Fill = (doc, color) => doc.fillColor(color);
const directFill: Fill = (doc, color) => setFillColor(doc, color);

async function document(
  files: readonly string[],
  draw: Draw,
  fill: Fill = pdfkitFill,
): Promise<{ bytes: Buffer; x: number[] }> {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    font: null as unknown as string,
    info: { CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  for (const file of files) doc.registerFont(file, (await openFont(file)) as unknown as Buffer);
  const xs: number[] = [];
  let y = 60;
  for (const [index, file] of files.entries()) {
    for (const [line, text] of LINES.entries()) {
      const size = [10.5, 7.3, 18][(index + line) % 3]!;
      const scaling = line % 4 === 3 ? 87.5 : 100;
      doc.font(file).fontSize(size);
      fill(doc, COLORS[line % COLORS.length]!);
      draw(doc, text, 40 + line * 0.37, y, scaling);
      if (line % 5 === 0) doc.text('underlined', 40, y + 5, { underline: true, lineBreak: false });
      xs.push(doc.x, doc.y);
      y += 14;
      if (y > 780) {
        doc.addPage();
        y = 60;
      }
    }
  }
  // A standard font has no shaped runs: pdfkit draws it.
  doc.font('Helvetica').fontSize(9);
  draw(doc, 'Helvetica AV Wa', 40, 800, 100);
  xs.push(doc.x, doc.y);
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), x: xs };
}

describe('drawTextLine (src/vendor/pdfkit.ts)', () => {
  it("writes the bytes pdfkit's text() and fillColor() write, and moves doc.x as text() does", async () => {
    const sans = notoSans();
    const serif = notoSerif();
    // Shaped from tables (Noto Sans, Noto Serif regular), and by fontkit (Noto Serif italic).
    const files = [sans.regular, sans.bold, sans.italic, serif.regular, serif.italic, serif.boldItalic];
    const expected = await document(files, withPdfkit);
    const actual = await document(files, direct, directFill);
    expect(actual.x).toEqual(expected.x);
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
  });

  it('falls back to pdfkit for text that pdfkit splits into lines', async () => {
    const file = notoSans().regular;
    const expected = await document([file], (doc, text, x, y) =>
      doc.text(`${text}\nsecond`, x, y, { lineBreak: false, baseline: 'alphabetic' }),
    );
    const actual = await document([file], (doc, text, x, y) => drawTextLine(doc, `${text}\nsecond`, x, y));
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
  });
});
