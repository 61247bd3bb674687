import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The fill colours a PDF page paints with, as lower-case "#rrggbb" (pdfjs reports them so). */
export async function pageFillColors(bytes: Uint8Array, pageNumber: number): Promise<Set<string>> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const operators = await page.getOperatorList();
    const colors = new Set<string>();
    operators.fnArray.forEach((op, i) => {
      if (op !== OPS.setFillRGBColor) return;
      const [value] = operators.argsArray[i] as unknown[];
      if (typeof value === 'string') colors.add(value.toLowerCase());
    });
    return colors;
  } finally {
    await pdf.destroy();
  }
}
