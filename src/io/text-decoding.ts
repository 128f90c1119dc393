/**
 * Bytes of a file as text, in the encoding it was saved in: a byte order mark says (UTF-8,
 * UTF-16 LE/BE); UTF-16 without one shows as NUL bytes; valid UTF-8 is UTF-8; an XML declaration
 * names its own; otherwise a spreadsheet's plain CSV from Windows, told apart by its letters:
 * mostly bytes of the Cyrillic range is Windows-1251 (Excel on a Russian Windows), else
 * Windows-1252. The decoder is the platform's TextDecoder (browsers and Node alike). A guess
 * is said in a warning.
 */
import type { Issue } from '../model/validate.ts';

export interface Decoded {
  text: string;
  /** The encoding read: `utf-8`, `utf-16le`, `windows-1251`, … */
  encoding: string;
  issues: Issue[];
}

const decode = (bytes: Uint8Array, label: string) => new TextDecoder(label).decode(bytes);

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: in text of mostly ASCII, every other byte is NUL. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > n / 4 && even < n / 40) return 'utf-16le';
  if (even > n / 4 && odd < n / 40) return 'utf-16be';
  return undefined;
}

/** Windows-1251 or -1252, by the bytes above 0x7F: Cyrillic letters fill 0xC0–0xFF in 1251. */
function windowsCodePage(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b >= 0xc0) letters++;
    if (b >= 0x80) high++;
  }
  // In 1252 text accented letters are few among ASCII ones; in Russian nearly every letter is high.
  let ascii = 0;
  for (const b of bytes) if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
  return letters > 0 && letters >= high * 0.8 && letters > ascii * 0.3 ? 'windows-1251' : 'windows-1252';
}

/** The text of a file's bytes, and a warning when its encoding was guessed. */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', issues: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', issues: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', issues: [] };
  const wide = utf16Order(bytes);
  if (wide) return { text: decode(bytes, wide), encoding: wide, issues: [] };
  if (validUtf8(bytes)) return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', issues: [] };
  const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(decode(bytes.subarray(0, 200), 'latin1'))?.[1];
  if (declared) {
    try {
      return { text: decode(bytes, declared.toLowerCase()), encoding: declared.toLowerCase(), issues: [] };
    } catch {
      /* a label TextDecoder does not know: guess as for any other file */
    }
  }
  const page = windowsCodePage(bytes);
  return {
    text: decode(bytes, page),
    encoding: page,
    issues: [
      {
        severity: 'warning',
        rule: 'encoding',
        path: '',
        file,
        message: `the file is not UTF-8; it was read as ${page === 'windows-1251' ? 'Windows-1251 (Cyrillic, as Excel saves plain CSV on a Russian Windows)' : 'Windows-1252 (Western European)'}. If names look wrong, save it from the spreadsheet as "CSV UTF-8"`,
      },
    ],
  };
}
