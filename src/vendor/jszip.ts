import { fail } from '../errors.js';
import { PACKAGE_FILES_OUTPUT, writeZip, type PackageFiles } from '../render/pptx/zip/zip-io.js';

/**
 * What pptxgenjs gets when it imports jszip, in the bundled CLI and API (scripts/bundle.mjs)
 * and in the tests alike (vitest.config.ts points pptxgenjs's import here), so both run the
 * same code. Written for pptxgenjs 3–4 (JSZIP_STAND_IN_RANGE). pptxgenjs only adds files to
 * a package (and to each chart's workbook) and asks for the archive once; briefkit then reads
 * that archive back and writes the deck itself (normalize.ts). jszip did the asking through
 * a chain of asynchronous stream workers, and with its pako and stream modules was a fifth
 * of a cold deck build; this records the files and stores them in an archive with zip-io.ts,
 * or, asked for PACKAGE_FILES_OUTPUT (the painter does), hands the recorded files over as
 * they came: XML stays a string, so normalize.ts neither reads an archive nor decodes UTF-8.
 * The part of jszip's API it covers is exactly the part pptxgenjs calls; anything else fails
 * loudly, and test/vendor/contracts.test.ts renders a deck through it.
 */
export const JSZIP_STAND_IN_RANGE = { package: 'pptxgenjs', from: '3.0.0', below: '5.0.0' } as const;

export default class ZipRecorder {
  readonly #files: Map<string, string | Uint8Array>;
  readonly #prefix: string;

  constructor(files = new Map<string, string | Uint8Array>(), prefix = '') {
    this.#files = files;
    this.#prefix = prefix;
  }

  /** A view of the package rooted at `name`, as jszip's folder() is. */
  folder(name: string): ZipRecorder {
    return new ZipRecorder(this.#files, `${this.#prefix}${name.replace(/\/*$/, '/')}`);
  }

  file(name: string, data: unknown, options: { base64?: boolean; binary?: boolean } = {}): this {
    this.#files.set(`${this.#prefix}${name}`, contents(name, data, options.base64 === true));
    return this;
  }

  generateAsync(options: { type?: string } = {}): Promise<Uint8Array | Buffer | string | PackageFiles> {
    if (options.type === PACKAGE_FILES_OUTPUT) return Promise.resolve(new Map(this.#files));
    // The date is a placeholder: normalize.ts dates every entry by the build.
    const zip = writeZip([...this.#files], new Date(Date.UTC(1980, 0, 1)), 'store');
    switch (options.type) {
      case 'uint8array':
        return Promise.resolve(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength));
      case 'nodebuffer':
        return Promise.resolve(zip);
      case 'base64':
        return Promise.resolve(zip.toString('base64'));
      default:
        return fail('INTERNAL_ERROR', {
          message: `pptxgenjs asked for a package as "${String(options.type)}"`,
          expected: `uint8array, nodebuffer, base64 or ${PACKAGE_FILES_OUTPUT} (vendor/jszip.ts)`,
        });
    }
  }
}

/** What is kept of a file: text as the string it came as, base64 decoded, binary data as bytes. */
function contents(name: string, data: unknown, base64: boolean): string | Uint8Array {
  if (typeof data === 'string') return base64 ? Buffer.from(data, 'base64') : data;
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return fail('INTERNAL_ERROR', {
    message: `pptxgenjs added ${name} as ${Object.prototype.toString.call(data)}`,
    expected: 'a string, a Uint8Array or an ArrayBuffer (jszip-recorder.ts)',
  });
}
