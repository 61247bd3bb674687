/**
 * How a pdfkit document hands out its bytes, batched. Part of src/vendor/pdfkit.ts's
 * contract with pdfkit 0.17–0.20 (PDFKIT_RANGE): `doc._write(data)` is where every byte
 * of the file goes out (a string is written as its low bytes with a line feed after it,
 * a Uint8Array as it is, and `doc._offset` counts them for the cross-reference table),
 * and `doc.push(null)`, the readable stream's end, comes right after the trailer.
 * test/vendor/pdfkit-output.test.ts compares whole files made with and without this.
 *
 * pdfkit turns each string into a typed array of its own and pushes it down the
 * document's stream, which hands every one to the 'data' listener: a report writes some
 * 3,000 of them (every object's number, dictionary and `endobj` apart), and in a cold
 * process the stream's per-chunk work cost more than writing the objects. Here the
 * strings are joined and turned into bytes once per batch of `BATCH_BYTES`, and each batch
 * is one chunk of the stream: the same bytes in the same order, in fewer and larger chunks.
 */

/** Bytes gathered before they are passed on; the last batch goes out with the trailer. */
const BATCH_BYTES = 64 * 1024;

interface OutputInternals {
  _offset?: number;
  _write?: (data: unknown) => void;
  push?: (chunk: unknown) => boolean;
}

/**
 * Batches the document's output from now on. Returns false, changing nothing, when
 * pdfkit's internals are not where this expects them.
 */
export function batchOutput(doc: object): boolean {
  const d = doc as OutputInternals;
  if (typeof d._write !== 'function' || typeof d.push !== 'function' || typeof d._offset !== 'number') {
    return false;
  }
  const push = d.push.bind(doc);
  let chunks: Uint8Array[] = [];
  let text = '';
  let size = 0;
  const endText = (): void => {
    // 'latin1' keeps the low byte of each UTF-16 unit, as pdfkit's own conversion does.
    if (text !== '') chunks.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  const flush = (): void => {
    endText();
    if (chunks.length > 0) push(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    chunks = [];
    size = 0;
  };
  d._write = function (this: { _offset: number }, data: unknown): void {
    let length: number;
    if (data instanceof Uint8Array) {
      endText();
      chunks.push(data);
      length = data.length;
    } else {
      const line = (data as string) + '\n';
      text += line;
      length = line.length;
    }
    this._offset += length;
    size += length;
    if (size >= BATCH_BYTES) flush();
  };
  d.push = (chunk: unknown): boolean => {
    flush();
    return push(chunk);
  };
  return true;
}

/** pdfkit's PDFReference (an indirect object), as far as batchStreamText relies on it. */
interface ReferenceInternals {
  data: { Length?: number | null; Filter?: unknown };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  write(chunk: unknown): void;
  finalize(): void;
}

/**
 * Makes the document's objects gather the text written into their streams (every page's
 * content: each line of text, each path) as one string, turned into bytes once when the
 * object is written, where pdfkit turns each piece into a typed array of its own, a
 * character at a time in JavaScript, and joins them all again. The same bytes, lengths and
 * dictionary. Applies to objects made from now on; returns false, changing nothing, when
 * pdfkit's internals are not where this expects them.
 */
export function batchStreamText(doc: object): boolean {
  const d = doc as { ref?: (data?: object) => unknown };
  if (typeof d.ref !== 'function') return false;
  const makeRef = d.ref.bind(doc);
  d.ref = (data?: object) => {
    const ref = makeRef(data) as Partial<ReferenceInternals>;
    if (
      typeof ref.write === 'function' &&
      typeof ref.finalize === 'function' &&
      Array.isArray(ref.buffer) &&
      typeof ref.uncompressedLength === 'number' &&
      typeof ref.data === 'object'
    ) {
      gatherText(ref as ReferenceInternals);
    }
    return ref;
  };
  return true;
}

function gatherText(ref: ReferenceInternals): void {
  const write = ref.write.bind(ref);
  const finalize = ref.finalize.bind(ref);
  let text = '';
  const endText = (): void => {
    if (text !== '') ref.buffer.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  ref.write = (chunk: unknown): void => {
    if (chunk instanceof Uint8Array) {
      endText();
      write(chunk);
      return;
    }
    // PDFReference.write for text: its low bytes and a line feed, counted as they are added.
    const line = (chunk as string) + '\n';
    text += line;
    ref.uncompressedLength += line.length;
    if (ref.data.Length == null) ref.data.Length = 0;
    ref.data.Length += line.length;
    if (ref.compress) ref.data.Filter = 'FlateDecode';
  };
  ref.finalize = (): void => {
    endText();
    finalize();
  };
}
