import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { openFont } from '../../src/theme/font-cache.js';
import { notoSans } from '../../src/theme/fonts.js';
import { batchOutput, batchStreamText } from '../../src/vendor/pdfkit-output.js';

/**
 * batchOutput and batchStreamText must hand out the bytes pdfkit's own output writes, in the same order:
 * two documents are made alike, one batched, and their whole files compared. The
 * document has text in an embedded font (a binary font file, a deflated content
 * stream), strings beyond Latin-1 in its info dictionary, and enough pages to
 * fill several batches.
 */

const created = new Date(Date.UTC(2026, 1, 27));

async function document(batched: boolean, pages: number): Promise<{ bytes: Buffer; chunks: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    font: null as unknown as string,
    info: { CreationDate: created, ModDate: created, Title: 'Genève — Київ ∑ 😀', Author: 'ÿ\u0100\u0141' },
  });
  if (batched) {
    expect(batchOutput(doc)).toBe(true);
    expect(batchStreamText(doc)).toBe(true);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  const file = notoSans().regular;
  doc.registerFont(file, (await openFont(file)) as unknown as Buffer);
  doc.font(file).fontSize(10);
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    for (let line = 0; line < 40; line++) {
      doc.text(
        `Page ${page + 1}, line ${line + 1}: Αθήνα, Київ, office — ${'x'.repeat(line)}`,
        40,
        40 + line * 18,
        {
          lineBreak: false,
        },
      );
      doc.rect(30, 40 + line * 18, 5 + line, 4).fill(line % 2 ? '#1f4e79' : '#cc0000');
    }
  }
  // A stream written as text, bytes and text again, one only ended, and an empty one.
  const mixed = doc.ref({ Type: 'Test' });
  mixed.write('BT /F1 12 Tf');
  mixed.write(new Uint8Array([0, 1, 2, 255]));
  mixed.write('Łódź \u20ac');
  mixed.end('ET');
  doc.ref({ Type: 'Ended' }).end('q Q');
  // pdfkit's typings want a chunk; end() without one writes an empty stream.
  (doc.ref({ Type: 'Empty' }) as unknown as { end(): void }).end();
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

describe('batchOutput and batchStreamText (src/vendor/pdfkit-output.ts)', () => {
  it('writes the bytes pdfkit writes, in a few chunks', async () => {
    for (const pages of [1, 30]) {
      const expected = await document(false, pages);
      const actual = await document(true, pages);
      expect(actual.bytes.equals(expected.bytes), `${pages} pages`).toBe(true);
      expect(actual.chunks).toBeLessThan(expected.chunks / 10);
      // More than one batch (64 KB each) for the long document.
      if (pages > 1) expect(actual.chunks, `${actual.bytes.length} bytes`).toBeGreaterThan(1);
    }
  });

  it('changes nothing where pdfkit has no such internals', () => {
    const stream = { push: () => true };
    expect(batchOutput(stream)).toBe(false);
    expect(Object.keys(stream)).toEqual(['push']);
  });
});
