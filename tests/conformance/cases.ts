/**
 * Loads the peer projects' test cases (tests/fixtures/peer-specs, each with its licence
 * and SOURCE.txt) as one list of conformance cases for our number, amount and scanner
 * functions. Each loader says how a peer's assertion maps onto our functions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAmount, parsePercent, parseQuantity } from '../../src/extraction/amounts.ts';
import { parseNumber, scanNumbers, toHalfWidth } from '../../src/extraction/numbers.ts';

const ROOT = 'tests/fixtures/peer-specs';
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const pairs = (file: string, sep: string) =>
  readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => l.includes(sep)).map((l) => {
    const at = l.indexOf(sep);
    return [l.slice(0, at).trim(), l.slice(at + sep.length).trim()] as const;
  });

export interface Case {
  /** Which peer file the case comes from. */
  source: string;
  input: string;
  expected: string;
  /** Runs our code; returns what it read, and whether that agrees with the peer. */
  run: () => { ok: boolean; got: string };
}

const close = (a: number | null | undefined, b: number) => a != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const show = (v: unknown) => JSON.stringify(v);

/** parseNumber(input) is `value` (null: the input is not a number). */
function valueCase(source: string, input: string, value: number | null, prepare = (s: string) => s): Case {
  return {
    source, input, expected: show(value),
    run: () => {
      const got = parseNumber(prepare(input));
      return { ok: value === null ? got === null : close(got, value), got: show(got) };
    },
  };
}

/** An amount written two ways (spoken and written) reads the same: value, range and currency. */
function sameAmount(a: string, b: string): { ok: boolean; got: string } {
  const x = parseAmount(a), y = parseAmount(b);
  if (x && y) {
    const ok = close(x.value, y.value) && (x.max === null ? y.max === null : close(x.max, y.max ?? NaN)) && x.currency === y.currency;
    return { ok, got: `${show(x)} vs ${show(y)}` };
  }
  // A measurement (三四万吨, 25kg): the numbers before the unit read the same.
  const qa = parseQuantity(a), qb = parseQuantity(b);
  if (qa && qb && /^[^\u4e00-\u9fa5]*$|[公千克米吨伏瓦摩度秒分]/.test(a + b) && !/[\u4e00-\u9fa5]{3,}/.test((a + b).replace(/[零〇一二两三四五六七八九十百千万亿点几多余公斤千克米吨伏特瓦时摩尔度秒分钟]/g, ''))) {
    const ok = close(qa.value, qb.value) && (qa.max === null ? qb.max === null : close(qa.max, qb.max ?? NaN));
    return { ok, got: `${show(qa)} vs ${show(qb)}` };
  }
  // A sentence: the numbers our scanner reads from both forms agree, in order.
  const nx = scanNumbers(toHalfWidth(a)).map((t) => t.value), ny = scanNumbers(toHalfWidth(b)).map((t) => t.value);
  return { ok: nx.length > 0 && nx.length === ny.length && nx.every((v, i) => close(v, ny[i]!)), got: `${show(nx)} vs ${show(ny)}` };
}

function cn2an(): Case[] {
  const file = 'cn2an/cn2an/cn2an_test.cases.json';
  const d = json(file);
  const out: Case[] = [];
  for (const mode of ['strict', 'normal', 'smart']) for (const [k, v] of Object.entries(d[mode])) out.push(valueCase(`cn2an ${mode}`, k, v as number));
  for (const k of d.error_normal_datas_literal) out.push(valueCase('cn2an error_normal', k, null));
  for (const k of d.error_smart_datas_literal) out.push(valueCase('cn2an error_smart', k, null));
  for (const k of d.error_strict_datas_literal) out.push(valueCase('cn2an error_strict', k, null));
  for (const [k, v] of Object.entries(d.direct)) out.push(valueCase('cn2an direct', k, Number(v)));
  const t = json('cn2an/cn2an/transform_test.cases.json');
  for (const [k, v] of Object.entries(t.strict)) out.push({ source: 'cn2an transform', input: k, expected: v as string, run: () => sameAmount(k, v as string) });
  return out;
}

function duckling(): Case[] {
  return json('duckling/Duckling/Numeral/ZH/Corpus.cases.json').cases.map((c: { input: string; value: number }) =>
    valueCase('duckling', c.input, c.value, (s) => s.replace(/[个個]$/, '')));
}

function jionlp(): Case[] {
  const parser = json('jionlp/test/test_money_parser.cases.json').cases.map((c: { input: string; expected: { num: string | string[]; case: string } }) => ({
    source: 'jionlp money_parser', input: c.input, expected: show(c.expected),
    run: () => {
      const a = parseAmount(c.input);
      const want = Array.isArray(c.expected.num) ? c.expected.num.map(Number) : [Number(c.expected.num)];
      const got = a ? (a.max !== null ? [a.value, a.max] : [a.value]) : [];
      // JioNLP prints two decimals: compare to the cent.
      const ok = !!a && got.length === want.length && got.every((v, i) => Math.abs(v - want[i]!) < 0.006) && (a.currency ?? '元') === c.expected.case;
      return { ok, got: show(a) };
    },
  }));
  const extractor = json('jionlp/test/test_money_extractor.cases.json').cases.map((c: { input: string; expected: Array<{ text: string }> }) => ({
    source: 'jionlp money_extractor', input: c.input, expected: show(c.expected.map((e) => e.text)),
    run: () => {
      // Each money span JioNLP finds reads, with our amount parser, as an amount.
      const got = c.expected.map((e) => parseAmount(e.text));
      return { ok: got.every((a) => a !== null), got: show(got) };
    },
  }));
  return [...parser, ...extractor];
}

const ISO: Record<string, string> = { CHF: '瑞士法郎', NGN: '奈拉', CNY: '元', USD: '美元', EUR: '欧元', GBP: '英镑', JPY: '日元', HKD: '港元', KRW: '韩元', TWD: '新台币', AUD: '澳元', THB: '泰铢', RUB: '卢布', INR: '卢比' };

function recognizers(): Case[] {
  const out: Case[] = [];
  type R = { Input: string; Results: Array<{ Text: string; Resolution?: { value?: string; isoCurrency?: string } }> };
  for (const [model, file] of [['Number', 'Number/Chinese/NumberModel.json'], ['Percent', 'Number/Chinese/PercentModel.json'], ['Currency', 'NumberWithUnit/Chinese/CurrencyModel.json'], ['Dimension', 'NumberWithUnit/Chinese/DimensionModel.json']] as const) {
    for (const c of json(`recognizers-text/Specs/${file}`) as R[]) {
      for (const r of c.Results) {
        const raw = r.Resolution?.value;
        if (raw === undefined) continue;
        if (raw === null) {
          // A currency named without an amount (人民币): our parser must not invent one.
          out.push({ source: `recognizers ${model}`, input: r.Text, expected: 'null', run: () => { const a = parseAmount(r.Text); return { ok: a === null, got: show(a) }; } });
          continue;
        }
        const value = Number(String(raw).replace(/%$/, ''));
        out.push({
          source: `recognizers ${model}`, input: r.Text, expected: String(raw) + (r.Resolution?.isoCurrency ? ` ${r.Resolution.isoCurrency}` : ''),
          run: () => {
            if (model === 'Percent') {
              const got = parsePercent(r.Text);
              return { ok: close(got, value), got: show(got) };
            }
            if (model === 'Number') {
              // A vague count (十余万) states its round number.
              const got = parseNumber(r.Text) ?? parseAmount(r.Text)?.value ?? null;
              return { ok: close(got, value), got: show(got) };
            }
            if (model === 'Dimension') {
              // The number of a measurement, in the unit written (12千米 is 12 of 千米).
              const got = scanNumbers(toHalfWidth(r.Text))[0]?.value ?? null;
              return { ok: close(got, value), got: show(got) };
            }
            const a = parseAmount(r.Text);
            const currencyOk = model !== 'Currency' || !r.Resolution?.isoCurrency || ISO[r.Resolution.isoCurrency] === a?.currency;
            return { ok: !!a && close(a.value, value) && currencyOk, got: show(a) };
          },
        });
      }
    }
  }
  return out;
}

function nemo(): Case[] {
  const out: Case[] = [];
  const dir = 'nemo-text-processing/tests/nemo_text_processing/zh';
  for (const kind of ['cardinal', 'decimal', 'fraction', 'money', 'ordinal', 'date']) {
    for (const [spoken, written] of pairs(`${dir}/data_inverse_text_normalization/test_cases_${kind}.txt`, '~')) {
      out.push({ source: `nemo itn ${kind}`, input: spoken, expected: written, run: () => sameAmount(spoken, written) });
    }
  }
  for (const kind of ['cardinal', 'decimal', 'fraction', 'money', 'measure', 'ordinal', 'date']) {
    for (const [written, spoken] of pairs(`${dir}/data_text_normalization/test_cases_${kind}.txt`, '~')) {
      out.push({ source: `nemo tn ${kind}`, input: written, expected: spoken, run: () => sameAmount(written, spoken) });
    }
  }
  return out;
}

function wetext(): Case[] {
  const out: Case[] = [];
  for (const dir of ['itn', 'tn'] as const) {
    for (const kind of ['number', 'cardinal', 'fraction', 'money', 'measure', 'math', 'date', 'normalizer']) {
      for (const [a, b] of pairs(`wetextprocessing/${dir}/chinese/test/data/${kind}.txt`, '=>')) {
        out.push({ source: `wetext ${dir} ${kind}`, input: a, expected: b, run: () => sameAmount(a, b) });
      }
    }
  }
  return out;
}

export function loadCases(): Case[] {
  return [...cn2an(), ...duckling(), ...jionlp(), ...recognizers(), ...nemo(), ...wetext()];
}
