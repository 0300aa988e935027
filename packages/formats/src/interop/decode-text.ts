/**
 * Bytes of an uploaded file → text, refusing what is not UTF-8. Imports read UTF-8 only (with or
 * without a byte-order mark): a UTF-16 file (Excel's "Unicode text", Windows Notepad) or a Latin-1 /
 * Windows-1252 file (older Excel CSV exports) would otherwise import with garbled names, so each is
 * named in a `FormatError` that says where the first bad byte is and how to fix it.
 */
import { FormatError } from '../format-error.ts';

const SAVE_AS =
  'save the file as UTF-8 (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8) and import it again';

/** Line (1-based) and column (1-based, in bytes) of byte `offset`. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates and code points above U+10FFFF.
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f)) return i;
    if ((b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 (a leading byte-order mark is dropped). Throws `FormatError` (`format` as given) for
 * a UTF-16 or UTF-32 file, for bytes that are not UTF-8 (with the line and column of the first one, and
 * whether it looks like Latin-1 / Windows-1252), and for a file with NUL bytes (binary, or UTF-16
 * without a byte-order mark).
 *
 * @example
 * decodeText(new TextEncoder().encode('ID,Name\n1,Café'), 'csv'); // 'ID,Name\n1,Café'
 */
export function decodeText(bytes: Uint8Array, format: string): string {
  const fail = (path: string, message: string, value?: string) =>
    FormatError.fromIssues(format, [{ path, message, ...(value !== undefined ? { value } : {}) }]);
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const which = bytes[0] === 0xff ? 'UTF-16 little-endian' : 'UTF-16 big-endian';
    throw fail('byte 1', `the file is ${which} (it starts with a UTF-16 byte-order mark); ${SAVE_AS}`);
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const at = position(body, nul);
    throw fail(
      `line ${at.line}, column ${at.column}`,
      `the file contains NUL bytes: it is binary or UTF-16 without a byte-order mark; ${SAVE_AS}`,
    );
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const at = position(body, bad);
    const byte = body[bad]!;
    const latin1 = byte >= 0xa0 ? String.fromCharCode(byte) : undefined;
    const guess =
      latin1 !== undefined
        ? `; it looks like Latin-1 / Windows-1252 (the byte 0x${byte.toString(16).toUpperCase()} would be "${latin1}" there)`
        : '';
    throw fail(
      `line ${at.line}, column ${at.column}`,
      `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase()} cannot start or continue a UTF-8 character${guess}; ${SAVE_AS}`,
    );
  }
  return new TextDecoder('utf-8').decode(body);
}
