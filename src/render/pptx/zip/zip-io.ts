import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { boundedCache } from '../../../cache/index.js';
import { BriefkitError } from '../../../errors.js';

/**
 * The small part of the zip format a deck needs, on Node's own zlib: reading the
 * packages pptxgenjs writes (and the workbooks inside them), and writing the
 * normalised package. Written entries carry exactly the headers jszip wrote
 * (DOS platform, version 1.0, DEFLATE at level 6, no data descriptors, no extra
 * fields), so only the compressed bytes come from a different, faster deflate.
 */

export type ZipEntries = Map<string, Uint8Array>;

/** A package's files as pptxgenjs hands them over: XML as strings, media and workbooks as bytes. */
export type PackageFiles = ReadonlyMap<string, string | Uint8Array>;

/**
 * The output type the painter asks pptxgenjs's write() for, which pptxgenjs passes on to
 * jszip's generateAsync: the jszip stand-in (vendor/jszip.ts) then gives back the files it
 * recorded instead of an archive that normalize.ts would only read back and decode again.
 */
export const PACKAGE_FILES_OUTPUT = 'briefkit-package-files';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORE = 0;
const DEFLATE = 8;

/** The files of a zip archive (folders left out), by name, in the order of its central directory. */
export function readZip(input: Uint8Array): ZipEntries {
  const zip = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  let count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  // A ZIP64 archive (more than 65,535 entries) keeps the true values in its own record.
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && zip.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const record = Number(zip.readBigUInt64LE(end - 20 + 8));
    if (zip.readUInt32LE(record) !== ZIP64_END_OF_CENTRAL_DIRECTORY)
      throw new Error('broken zip64 end record');
    count = Number(zip.readBigUInt64LE(record + 32));
    at = Number(zip.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('broken zip central directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`broken zip entry ${name}`);
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method === STORE) entries.set(name, data);
    else if (method === DEFLATE) entries.set(name, inflateRawSync(data));
    else throw new Error(`zip entry ${name} uses compression method ${method}`);
  }
  return entries;
}

/**
 * A zip archive of `entries` in the given order, every entry dated `date` (UTC) and
 * DEFLATEd, or stored as is for an archive that is only read back (vendor/jszip.ts).
 * Text is written as UTF-8.
 */
export function writeZip(
  entries: ReadonlyArray<readonly [string, string | Uint8Array]>,
  date: Date,
  method: 'deflate' | 'store' = 'deflate',
): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const ascii = /^[\x20-\x7e]*$/.test(name);
    const encodedName = Buffer.from(name, ascii ? 'latin1' : 'utf8');
    const { compressed, crc, size } = method === 'deflate' ? deflated(data) : stored(data);
    // Version needed, flags, method, time, date, CRC, sizes, name and extra lengths: shared by both headers.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(0x000a, 0);
    common.writeUInt16LE(ascii ? 0 : 0x0800, 2);
    common.writeUInt16LE(method === 'deflate' ? DEFLATE : STORE, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(encodedName.length, 22);
    common.writeUInt16LE(0, 24);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    locals.push(local, common, encodedName, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(0x0014, 4); // made by: DOS, version 2.0
    common.copy(central, 6);
    // Comment length, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    centrals.push(central, encodedName);
    offset += 4 + common.length + encodedName.length + compressed.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  if (offset > 0xffffffff || directorySize > 0xffffffff) {
    throw new BriefkitError('LIMIT_EXCEEDED', {
      message: `the deck would be ${Math.round(offset / 1024 / 1024)} MB`,
      expected: 'a deck under 4 GB',
    });
  }
  const count = entries.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  // Up to 65,535 entries the classic record says it all (and the bytes stay as they were).
  if (count <= 0xffff) return Buffer.concat([...locals, ...centrals, end]);
  return Buffer.concat([...locals, ...centrals, zip64End(count, directorySize, offset), end]);
}

const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

/**
 * The ZIP64 end of central directory record and its locator, for an archive of more
 * than 65,535 entries (a deck of thousands of slides): the classic record's 16-bit
 * count then reads 0xFFFF and readers take the count from here (APPNOTE 4.3.14–15).
 */
function zip64End(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIRECTORY, 0);
  record.writeBigUInt64LE(44n, 4); // size of the rest of the record
  record.writeUInt16LE(0x002d, 12); // made by: version 4.5 (ZIP64)
  record.writeUInt16LE(0x002d, 14); // needed to extract
  // Disk numbers (16, 20) stay 0.
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16); // total number of disks
  return Buffer.concat([record, locator]);
}

/** An entry's data as written: compressed (or not), with the CRC and size of the bytes it holds. */
interface Packed {
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Compressed entries by content, for the life of the process. Most parts of a deck are
 * the same from one rebuild to the next (masters, layouts, theme, unchanged slides), and
 * DEFLATE was most of the time spent writing it; the same bytes always deflate to the same
 * output. Text (every XML part) is kept by the text itself: the map compares keys whole, so no
 * two users' parts can be made to collide in a long-running API process, and nothing is hashed
 * beyond what the map does (hashing each part with SHA-256 cost a cold build more than the cache
 * saves it). Bytes (pictures, workbooks) and texts too long for V8 to hash (MAX_TEXT_KEY) are kept
 * by their SHA-256. Bounded by the size of what
 * is kept: least recently used out.
 */
const deflatedByText = boundedCache<Packed>({
  name: 'deflated deck parts (text)',
  maxEntries: 4096,
  maxWeight: 16 * 1024 * 1024,
  // The key is kept too: a part's text, about as long as its bytes.
  weigh: (entry) => entry.compressed.length + entry.size,
});

const deflatedByContent = boundedCache<Packed>({
  name: 'deflated deck parts',
  maxEntries: 4096,
  maxWeight: 16 * 1024 * 1024,
  weigh: (entry) => entry.compressed.length,
});

/**
 * The longest text kept by the text itself. V8 hashes a longer string by its length alone
 * (String::kMaxHashCalcLength), so as Map keys such parts share buckets and every lookup compares
 * whole texts: quadratic in the number of long parts (a deck of 700 long speaker-notes parts
 * spent 1.6 s of a 3.2 s build there). Longer parts are kept by their SHA-256, as bytes are.
 */
const MAX_TEXT_KEY = 16_383;

function deflated(data: string | Uint8Array): Packed {
  if (typeof data === 'string' && data.length <= MAX_TEXT_KEY)
    return deflatedByText.get(data, () => deflate(Buffer.from(data, 'utf8')));
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const key = createHash('sha256').update(bytes).digest('base64');
  return deflatedByContent.get(key, () => deflate(bytes));
}

function deflate(data: Uint8Array): Packed {
  return { compressed: deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length };
}

function stored(data: string | Uint8Array): Packed {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { compressed: bytes, crc: crc32(bytes), size: bytes.length };
}

// Node 20.15 and later compute CRC-32 natively; earlier 20.x releases use the table below.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

let crcTable: Int32Array | undefined;

function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  const table = (crcTable ??= makeCrcTable());
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = (crc >>> 8) ^ table[(crc ^ data[i]!) & 0xff]!;
  return (crc ^ -1) >>> 0;
}

function makeCrcTable(): Int32Array {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}
