/**
 * A small, defensive zip reader for .xlsx files. It reads the central directory first and refuses
 * what would cost unbounded memory or time (declared sizes over the limits, absurd compression
 * ratios, too many entries) before inflating anything; each entry is then inflated with a hard
 * output bound, so an entry that lies about its size stops at the bound instead of filling memory.
 *
 * It also recognises what a file is when it is not a zip: an OLE compound file (D0 CF 11 E0) is
 * either an encrypted / password-protected workbook (it holds an EncryptionInfo stream) or an
 * old binary .xls.
 */
import { crc32, inflateRawSync } from 'zlib';
import { formatBytes, problem } from './errors';
import type { ReadLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** Inflates one entry (by its part name, case-insensitive); undefined when absent. */
  read(name: string): Buffer | undefined;
  has(name: string): boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const corrupt = (detail: string, detailEn: string) =>
  problem(
    'corrupt',
    `文件已损坏或不完整（${detail}），无法读取；请在 Excel 中重新打开并另存为 .xlsx`,
    `The file is damaged or incomplete (${detailEn}) and cannot be read; open it in Excel and save it again as .xlsx`,
  );

/** Says what a non-zip file is, as a problem to report. */
function notZip(buf: Buffer): Error {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    const encrypted =
      buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) ||
      buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    if (encrypted)
      return problem(
        'encrypted',
        '工作簿设有打开密码（已加密），无法检查；请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx',
        'The workbook is password-protected (encrypted) and cannot be checked; remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) and save as .xlsx',
      );
    return problem(
      'legacy-xls',
      '这是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查',
      'This is an old Excel 97-2003 workbook (.xls), not .xlsx; use “Save As” Excel Workbook (.xlsx) in Excel or WPS, then check it again',
    );
  }
  return problem(
    'not-xlsx',
    '不是 .xlsx 工作簿（文件内容不是 Excel 2007 及以后的格式）；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）',
    'Not an .xlsx workbook (the content is not in the Excel 2007+ format); use “Save As” Excel Workbook (.xlsx) in Excel or WPS',
  );
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  return -1;
}

/** Opens a zip held in memory; throws an XlsxProblem when it is not one or is unsafe. */
export function openZip(buf: Buffer, limits: ReadLimits): ZipArchive {
  if (buf.length < 4 || buf.readUInt32LE(0) !== SIG_LOCAL) {
    // An empty zip starts with the end record; anything else that is not PK\3\4 is not an xlsx.
    if (buf.length >= 22 && buf.readUInt32LE(0) === SIG_EOCD)
      throw corrupt('压缩包为空', 'the zip archive is empty');
    throw notZip(buf);
  }
  const eocd = buf.length >= 22 ? findEocd(buf) : -1;
  if (eocd < 0)
    throw corrupt(
      '找不到压缩包目录，文件可能被截断',
      'no zip directory, the file may be truncated',
    );
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR)
      throw corrupt('zip64 目录缺失', 'missing zip64 directory');
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    if (rec < 0 || rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_EOCD64)
      throw corrupt('zip64 目录损坏', 'damaged zip64 directory');
    count = Number(buf.readBigUInt64LE(rec + 32));
    cdSize = Number(buf.readBigUInt64LE(rec + 40));
    cdOffset = Number(buf.readBigUInt64LE(rec + 48));
  }
  if (cdOffset + cdSize > buf.length)
    throw corrupt(
      '压缩包目录超出文件末尾，文件可能被截断',
      'the zip directory lies past the end, the file may be truncated',
    );
  if (count > limits.maxEntries)
    throw problem(
      'zip-bomb',
      `压缩包内文件过多（${count} 个，上限 ${limits.maxEntries}），拒绝读取`,
      `Too many entries in the archive (${count}, limit ${limits.maxEntries}); refused`,
    );

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL)
      throw corrupt('压缩包目录损坏', 'damaged zip directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf
      .toString('utf8', p + 46, p + 46 + nameLen)
      .replace(/\\/g, '/')
      .replace(/^\//, '');
    // zip64 sizes live in the extra field (id 1), in order, only for the fields set to 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len)
          localOffset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    p = eEnd + commentLen;
    if (name.endsWith('/')) continue;
    total += size;
    if (size > limits.maxEntryUncompressed || total > limits.maxTotalUncompressed)
      throw problem(
        'zip-bomb',
        `解压后过大（声明 ${formatBytes(total)}，上限 ${formatBytes(limits.maxTotalUncompressed)}），疑似“压缩炸弹”，拒绝读取`,
        `Too large when uncompressed (declares ${formatBytes(total)}, limit ${formatBytes(limits.maxTotalUncompressed)}); looks like a zip bomb, refused`,
      );
    if (
      size > limits.ratioFloorBytes &&
      size / Math.max(1, compressedSize) > limits.maxCompressionRatio
    )
      throw problem(
        'zip-bomb',
        `压缩比异常（${name}：${formatBytes(compressedSize)} 解压为 ${formatBytes(size)}），疑似“压缩炸弹”，拒绝读取`,
        `Absurd compression ratio (${name}: ${formatBytes(compressedSize)} inflates to ${formatBytes(size)}); looks like a zip bomb, refused`,
      );
    // Two entries with one part name: Excel and this reader could show different content.
    if (entries.has(name.toLowerCase()))
      throw corrupt(`压缩包内有重复的文件 ${name}`, `the archive holds ${name} twice`);
    entries.set(name.toLowerCase(), {
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
    });
  }

  const read = (partName: string): Buffer | undefined => {
    const entry = entries.get(partName.replace(/^\//, '').toLowerCase());
    if (!entry) return undefined;
    if (entry.flags & 1)
      throw problem(
        'encrypted',
        '压缩包内容已加密，无法读取；请在 Excel 中取消密码后另存为 .xlsx',
        'The archive content is encrypted; remove the password in Excel and save as .xlsx',
      );
    const lo = entry.localOffset;
    if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== SIG_LOCAL)
      throw corrupt(`${entry.name} 的数据头损坏`, `damaged header of ${entry.name}`);
    const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length)
      throw corrupt(
        `${entry.name} 的数据不完整，文件可能被截断`,
        `data of ${entry.name} is cut short, the file may be truncated`,
      );
    const raw = buf.subarray(start, end);
    let out: Buffer;
    if (entry.method === 0) out = raw;
    else if (entry.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw problem(
            'zip-bomb',
            `${entry.name} 解压后超过其声明的大小，疑似“压缩炸弹”，拒绝读取`,
            `${entry.name} inflates beyond its declared size; looks like a zip bomb, refused`,
          );
        throw corrupt(`${entry.name} 无法解压`, `${entry.name} cannot be inflated`);
      }
    } else
      throw corrupt(
        `${entry.name} 使用了不支持的压缩方式 ${entry.method}`,
        `${entry.name} uses unsupported compression method ${entry.method}`,
      );
    if (out.length !== entry.size || crc32(out) !== entry.crc)
      throw corrupt(`${entry.name} 校验失败`, `checksum of ${entry.name} does not match`);
    return out;
  };
  return { entries, read, has: (n) => entries.has(n.replace(/^\//, '').toLowerCase()) };
}
