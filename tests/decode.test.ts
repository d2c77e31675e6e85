/** Source files in the encodings real sites serve: each decodes to the right text or fails with a clear message. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/ingest/decode.ts';

const TEXT = '市人社局:2023年全市新增城镇就业8.8万人,发放创业担保贷款9.63亿元。';

describe('decodeSource', () => {
  it('reads UTF-8 with a BOM and Windows line endings', () => {
    const r = decodeSource(Buffer.from('\uFEFF' + TEXT + '\r\n第二行\r\n', 'utf8'));
    expect(r.ok && r.text).toBe(TEXT + '\n第二行\n');
  });
  it('reads GBK and GB18030', () => {
    const r = decodeSource(iconv.encode(TEXT, 'gb18030'));
    expect(r.ok && r.text).toBe(TEXT);
    expect(r.ok && r.encoding).toBe('gb18030');
  });
  it('reads UTF-16 with a BOM', () => {
    const r = decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')]));
    expect(r.ok && r.text).toBe(TEXT);
  });
  it('repairs UTF-8 that was decoded as GBK (鍏ㄥ競 mojibake)', () => {
    const garbled = iconv.decode(Buffer.from(TEXT, 'utf8'), 'gbk');
    expect(garbled).not.toContain('就业');
    const r = decodeSource(Buffer.from(garbled, 'utf8'));
    expect(r.ok && r.text).toContain('市人社局:2023年全市新增城镇就');
    expect(r.ok && r.text).toContain('发放创业担保贷款9.63亿元');
    expect(r.ok && r.notes.join()).toMatch(/mojibake.*could not be recovered/);
  });
  it('repairs UTF-8 that was decoded as Latin-1 (å¸‚ mojibake) exactly', () => {
    const garbled = iconv.decode(Buffer.from(TEXT, 'utf8'), 'latin1');
    const r = decodeSource(Buffer.from(garbled, 'utf8'));
    expect(r.ok && r.text).toBe(TEXT);
  });
  it('refuses empty, blank, binary and non-Chinese files with a message saying what to do', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('  \n\n '), Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 8, 9, 0, 1, 2]), Buffer.from('hello world')]) {
      const r = decodeSource(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/;|text/);
    }
  });
});
