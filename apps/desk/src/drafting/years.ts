// Reference years: "de jaren 2020 tot en met 2022", "les années 2020 à 2022", "de jaren 2020-2022",
// "de jaren 2019, 2020 en 2021", "het jaar 2021", "l'année 2021".
import type { Extracted } from './types.js';

const YEAR = '(?:19|20)\\d{2}';
const KEYWORD =
  "(?<!\\p{L})(?:(?:referentie)?ja(?:ar|ren)|(?:l['’])?ann[ée]es?|kalenderjaren|exercices?)" + '(?:\\s+de\\s+r[ée]f[ée]rence)?\\s+';
const RANGE = `(${YEAR})\\s*(?:tot en met|t\\.e\\.m\\.?|t\\/m|tot|à|au|jusqu['’]à|[-–—])\\s*(${YEAR})`;
const LIST = `(${YEAR}(?:\\s*(?:,|en|et|\\/)\\s*${YEAR})*)`;
const YEARS = new RegExp(`${KEYWORD}(?:${RANGE}|${LIST})(?!\\p{N})`, 'giu');
const MAX_RANGE = 60;

function yearsOf(match: RegExpMatchArray): number[] | undefined {
  if (match[1] && match[2]) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (to < from || to - from > MAX_RANGE) return undefined;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const list = (match[3] ?? '').match(/\d{4}/gu)?.map(Number) ?? [];
  return list.length > 0 ? [...new Set(list)].sort((a, b) => a - b) : undefined;
}

/**
 * The first years the text names as the years covered, skipping sentences that speak of another
 * deliberation (the years a predecessor covered are not this one's).
 */
export function extractReferenceYears(
  sentences: string[],
  mentionsOtherDeliberation: (sentence: string) => boolean,
): Extracted<number[]> | undefined {
  for (const sentence of sentences) {
    if (mentionsOtherDeliberation(sentence)) continue;
    for (const match of sentence.matchAll(YEARS)) {
      const years = yearsOf(match);
      if (years) return { value: years, source: sentence };
    }
  }
  return undefined;
}
