import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import ZipRecorder from '../../src/vendor/jszip.js';
import { PACKAGE_FILES_OUTPUT, readZip } from '../../src/render/pptx/zip/zip-io.js';

describe('the jszip stand-in the bundle gives pptxgenjs', () => {
  it('records files as jszip would store them, folders as prefixes, base64 decoded', async () => {
    const zip = new ZipRecorder();
    zip.file('[Content_Types].xml', '<Types>Київ</Types>');
    zip.folder('ppt').folder('slides').file('slide1.xml', '<p:sld/>');
    zip.file('ppt/media/image1.png', Buffer.from([137, 80, 78, 71]).toString('base64'), { base64: true });
    zip.file('ppt/embeddings/raw.bin', new Uint8Array([1, 2, 3]));
    const bytes = (await zip.generateAsync({ type: 'uint8array' })) as Uint8Array;
    const read = readZip(bytes);
    expect([...read.keys()]).toEqual([
      '[Content_Types].xml',
      'ppt/slides/slide1.xml',
      'ppt/media/image1.png',
      'ppt/embeddings/raw.bin',
    ]);
    expect(Buffer.from(read.get('[Content_Types].xml')!).toString('utf8')).toBe('<Types>Київ</Types>');
    expect([...read.get('ppt/media/image1.png')!]).toEqual([137, 80, 78, 71]);
    // A real zip reader agrees, CRCs included.
    const checked = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await checked.file('ppt/slides/slide1.xml')!.async('string')).toBe('<p:sld/>');
  });

  it('gives a workbook as base64, which the package then takes back', async () => {
    const workbook = new ZipRecorder();
    workbook.file('xl/workbook.xml', '<workbook/>');
    const base64 = (await workbook.generateAsync({ type: 'base64' })) as string;
    const deck = new ZipRecorder();
    deck.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx', base64, { base64: true });
    const inner = readZip(
      readZip((await deck.generateAsync({ type: 'nodebuffer' })) as Buffer).get(
        'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      )!,
    );
    expect(Buffer.from(inner.get('xl/workbook.xml')!).toString()).toBe('<workbook/>');
  });

  it('hands the painter the files themselves: XML as the strings given, the rest as bytes', async () => {
    const zip = new ZipRecorder();
    zip.file('ppt/slides/slide1.xml', '<p:sld>Київ</p:sld>');
    zip.file('ppt/media/image1.png', Buffer.from([137, 80]).toString('base64'), { base64: true });
    const files = (await zip.generateAsync({ type: PACKAGE_FILES_OUTPUT })) as ReadonlyMap<string, unknown>;
    expect([...files.keys()]).toEqual(['ppt/slides/slide1.xml', 'ppt/media/image1.png']);
    expect(files.get('ppt/slides/slide1.xml')).toBe('<p:sld>Київ</p:sld>');
    expect([...(files.get('ppt/media/image1.png') as Uint8Array)]).toEqual([137, 80]);
    // The same files as an archive read back give the same contents.
    const read = readZip((await zip.generateAsync({ type: 'nodebuffer' })) as Buffer);
    expect(Buffer.from(read.get('ppt/slides/slide1.xml')!).toString('utf8')).toBe('<p:sld>Київ</p:sld>');
  });

  it('fails loudly for what pptxgenjs never asks of it', () => {
    expect(() => new ZipRecorder().generateAsync({ type: 'blob' })).toThrow(/blob/);
    expect(() => new ZipRecorder().file('a', 42)).toThrow(/\[object Number\]/);
  });
});
