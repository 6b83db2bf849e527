// The retention deadline: a date given as the latest day for destroying or keeping the data,
// "uiterlijk op 31 december 2030", "ten laatste op …", "au plus tard le …",
// "bewaard tot …" (a bare "tot" could end any period, so only after "bewaard"/"conservées").
import { DATE_SOURCE, isoDate } from './dates.js';
import type { Extracted } from './types.js';

const LATEST = new RegExp(
  "(?:uiterlijk|ten laatste|au plus tard|(?:bewaard|conservée?s?)\\s+(?:tot|jusqu['’]au))" +
    `\\s+(?:(?:op|tegen|tot|le|pour le)\\s+)?${DATE_SOURCE}`,
  'giu',
);
const ABOUT_RETENTION = /vernietig|bewaar|verwijder|gewist|wissen|détrui|détruit|conserv|supprim|effac|destruction/iu;

/** The first deadline stated in a sentence about destroying or keeping the data. */
export function extractDestroyBy(
  sentences: string[],
  mentionsOtherDeliberation: (sentence: string) => boolean,
): Extracted<string> | undefined {
  for (const sentence of sentences) {
    if (!ABOUT_RETENTION.test(sentence) || mentionsOtherDeliberation(sentence)) continue;
    for (const match of sentence.matchAll(LATEST)) {
      const iso = isoDate(match[1], match[2], match[3]);
      if (iso) return { value: iso, source: sentence };
    }
  }
  return undefined;
}
