/** Bytes → text for source files in the encodings Chinese government sites use. */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** What was repaired on the way, for ingest's report (mojibake, BOM, line endings). */
  notes: string[];
}

const CJK = /[\u4e00-\u9fff]/g;
/** Characters that are common in Chinese prose: a good decoding has many of them. */
const COMMON =
  /[的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质]/g;

function score(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  if (!cjk) return 0;
  const lost = text.match(/\uFFFD/g)?.length ?? 0;
  return (text.match(COMMON)?.length ?? 0) / cjk - (5 * lost) / text.length;
}

/** UTF-8 read as GBK (鍏ㄥ競) or as Latin-1 (å…¨å¸‚) turned back into the text it was. */
function repairMojibake(text: string): string | null {
  const attempts: string[] = [];
  try {
    attempts.push(iconv.decode(iconv.encode(text, 'gbk'), 'utf8'));
  } catch {
    /* not encodable */
  }
  if (/[\u00c0-\u00ff][\u0080-\u2122]/.test(text)) {
    for (const enc of ['win1252', 'latin1']) {
      try {
        attempts.push(iconv.decode(iconv.encode(text, enc), 'utf8'));
      } catch {
        /* not encodable */
      }
    }
  }
  const base = score(text);
  // Mojibake is often lossy: a repair that recovers most characters is still far better than none.
  const best = attempts.sort((a, b) => score(b) - score(a))[0];
  return best && score(best) > base + 0.15 ? best : null;
}

/** Encodings tried, best-scoring first, when a file is not UTF-8: GBK, Big5 (Taiwan, Hong Kong), UTF-16 without a BOM. */
const FALLBACKS = [
  ['gb18030', 'GBK/GB18030'],
  ['big5', 'Big5'],
  ['utf16le', 'UTF-16LE'],
  ['utf16be', 'UTF-16BE'],
] as const;

/** UTF-16 without a BOM has a NUL byte beside nearly every ASCII character (newlines, digits). */
function looksLikeUtf16(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes.length % 2) return false;
  let even = 0,
    odd = 0;
  for (let i = 0; i < Math.min(bytes.length, 65536); i++)
    if (bytes[i] === 0) {
      if (i % 2) odd++;
      else even++;
    }
  return Math.max(even, odd) > 8 * Math.min(even, odd) + 2;
}

/** The best decoding of bytes that are not UTF-8, or null when none reads as Chinese. */
function decodeOther(bytes: Buffer): { text: string; encoding: string; name: string } | null {
  let best: { text: string; encoding: string; name: string; score: number } | null = null;
  for (const [encoding, name] of FALLBACKS) {
    const text = iconv.decode(bytes, encoding);
    const lost = (text.match(/\uFFFD/g) ?? []).length;
    if (lost > text.length / 1000) continue;
    const s = score(text);
    if (s > 0.2 && (!best || s > best.score)) best = { text, encoding, name, score: s };
  }
  return best;
}

// eslint-disable-next-line no-control-regex -- the control characters a text must not carry into a report
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function decodeSource(bytes: Buffer): ({ ok: true } & Decoded) | { ok: false; error: string } {
  const notes: string[] = [];
  if (bytes.length === 0) return { ok: false, error: 'the file is empty; put the report text in it, or delete it' };
  let encoding = 'utf-8';
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = iconv.decode(bytes, 'utf16le');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = iconv.decode(bytes, 'utf16be');
  } else {
    let utf8: string | null = null;
    try {
      utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      /* not valid UTF-8 */
    }
    if (utf8 === null || looksLikeUtf16(bytes)) {
      const other = decodeOther(bytes);
      if (other) {
        encoding = other.encoding;
        text = other.text;
        notes.push(`decoded from ${other.name}`);
      } else if (utf8 !== null) text = utf8;
      else {
        const invalid = (new TextDecoder('utf-8').decode(bytes).match(/\uFFFD/g) ?? []).length;
        const guess = chardet.detect(bytes);
        return {
          ok: false,
          error: `is not UTF-8, GBK, Big5 or UTF-16 text (${invalid} undecodable bytes${guess ? `; it looks like ${guess}` : ''}); save it as UTF-8`,
        };
      }
    } else text = utf8;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    notes.push('removed a byte-order mark');
  }
  const controls = (text.match(CONTROLS) ?? []).length;
  if (controls > Math.max(4, text.length / 200)) return { ok: false, error: 'looks like a binary file, not text; give the report as a .txt file' };
  if (controls) {
    text = text.replace(CONTROLS, '');
    notes.push(`removed ${controls} control character(s) (such as NUL) that a reader would see as �`);
  }
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push('converted Windows line endings');
  }
  const repaired = repairMojibake(text);
  if (repaired) {
    const lost = repaired.match(/\uFFFD/g)?.length ?? 0;
    text = repaired;
    notes.push(
      `repaired mojibake (UTF-8 that had been decoded with the wrong encoding)${lost ? `; ${lost} character(s) could not be recovered and show as �: correct them in the report` : ''}`,
    );
  }
  if (!text.trim()) return { ok: false, error: 'holds only white space; put the report text in it, or delete it' };
  if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, error: 'holds no Chinese text; a source must be a Chinese report' };
  return { ok: true, text, encoding, notes };
}
