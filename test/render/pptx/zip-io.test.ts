import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cacheStats, clearCaches } from '../../../src/cache/index.js';
import { readZip, writeZip } from '../../../src/render/pptx/zip/zip-io.js';

describe('zip-io', () => {
  const date = new Date(Date.UTC(2026, 1, 26, 13, 45, 30));
  const entries: [string, Uint8Array][] = [
    ['[Content_Types].xml', Buffer.from('<Types/>'.repeat(50))],
    ['ppt/media/empty.bin', new Uint8Array(0)],
    ['ppt/slides/slide1.xml', Buffer.from('<p:sld>Київ — €</p:sld>', 'utf8')],
  ];

  it('writes archives jszip reads back, with the same names, order, contents and UTC date', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, date), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map(([name]) => name));
    for (const [name, data] of entries) {
      expect(Buffer.from(await zip.file(name)!.async('uint8array'))).toEqual(Buffer.from(data));
      expect(zip.files[name]!.date.toISOString()).toBe('2026-02-26T13:45:30.000Z');
    }
  });

  it('reads stored and deflated archives written by jszip, without folders', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const source = new JSZip();
      for (const [name, data] of entries) source.file(name, data);
      const read = readZip(await source.generateAsync({ type: 'uint8array', compression }));
      expect([...read.keys()].sort()).toEqual(entries.map(([name]) => name).sort());
      for (const [name, data] of entries) expect(Buffer.from(read.get(name)!)).toEqual(Buffer.from(data));
    }
  });

  it('gives the same bytes for the same entries and date', () => {
    expect(writeZip(entries, date).equals(writeZip(entries, date))).toBe(true);
  });

  it('compresses changed contents anew (compressed entries are kept by content, not by name)', async () => {
    const before: [string, Uint8Array][] = [['a.xml', Buffer.from('<a>one</a>'.repeat(20))]];
    const after: [string, Uint8Array][] = [
      ['a.xml', Buffer.from('<a>two</a>'.repeat(20))],
      ['b.xml', Buffer.from('<a>one</a>'.repeat(20))],
    ];
    writeZip(before, date);
    const read = readZip(writeZip(after, date));
    expect(Buffer.from(read.get('a.xml')!).toString()).toBe('<a>two</a>'.repeat(20));
    expect(Buffer.from(read.get('b.xml')!).toString()).toBe('<a>one</a>'.repeat(20));
    await expect(JSZip.loadAsync(writeZip(after, date), { checkCRC32: true })).resolves.toBeDefined();
  });

  it('keeps long XML parts by a hash, not by their text (V8 hashes long strings by length alone)', () => {
    clearCaches();
    const size = (name: string) => cacheStats().find((c) => c.name === name)?.size;
    // Equal lengths over 16,383 characters: as Map keys they would share one bucket.
    const long = Array.from(
      { length: 40 },
      (_, i) => `<p:notes>${String(i).padStart(4, '0')}${'x'.repeat(17_000)}</p:notes>`,
    );
    const archive = writeZip(
      long.map((text, i) => [`ppt/notesSlides/notesSlide${i + 1}.xml`, text] as const),
      date,
    );
    expect(size('deflated deck parts (text)')).toBe(0);
    expect(size('deflated deck parts')).toBe(40);
    // The same bytes whichever way a part arrives.
    const asBytes = writeZip(
      long.map((text, i) => [`ppt/notesSlides/notesSlide${i + 1}.xml`, Buffer.from(text, 'utf8')] as const),
      date,
    );
    expect(asBytes.equals(archive)).toBe(true);
    const read = readZip(archive);
    expect(Buffer.from(read.get('ppt/notesSlides/notesSlide40.xml')!).toString('utf8')).toBe(long[39]);
  });
});
