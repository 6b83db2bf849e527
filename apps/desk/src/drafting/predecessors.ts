// Earlier deliberations the text refers to: "beraadslaging nr. 21/144 van 5 oktober 2021",
// "beraadslagingen nrs. 18/012 en 19/044", "délibération n° 21/144 du 5 octobre 2021".
import { DATE_SOURCE, isoDate } from './dates.js';
import type { Extracted } from './types.js';

const ITEM = `(?<!\\d)(\\d{2}\\/\\d{2,4})(?![\\d\\/])(?:,?\\s+(?:van|du)\\s+${DATE_SOURCE})?`;
const MENTION = new RegExp(
  `(?<!\\p{L})(?:beraadslaging(?:en)?|d[ée]lib[ée]rations?)\\s+(?:nrs?\\s?\\.?|n\\s?[°º]s?|no\\.?)\\s*` +
    `${ITEM}(?:\\s*(?:,|en|et)\\s*(?:(?:nrs?\\.?|n\\s?[°º]s?)\\s*)?${ITEM})*`,
  'giu',
);
const ONE_ITEM = new RegExp(ITEM, 'giu');

type Predecessor = { number: string; decidedOn?: string };

/** Each deliberation the sentence mentions by number, with its date when given. */
export function deliberationsIn(sentence: string): Predecessor[] {
  const found: Predecessor[] = [];
  for (const mention of sentence.matchAll(MENTION)) {
    const keywordEnd = mention[0].search(/\d/u);
    for (const item of mention[0].slice(keywordEnd).matchAll(ONE_ITEM)) {
      const decidedOn = item[2] ? isoDate(item[2], item[3], item[4]) : undefined;
      found.push(decidedOn ? { number: item[1], decidedOn } : { number: item[1] });
    }
  }
  return found;
}

/** Deliberations the text refers to, other than itself, each once (with a date when one mention gives it). */
export function extractPredecessors(sentences: string[], ownNumber: string | undefined): Extracted<Predecessor>[] {
  const byNumber = new Map<string, Extracted<Predecessor>>();
  for (const sentence of sentences) {
    for (const mention of deliberationsIn(sentence)) {
      if (mention.number === ownNumber) continue;
      const known = byNumber.get(mention.number);
      if (!known) byNumber.set(mention.number, { value: mention, source: sentence });
      else if (!known.value.decidedOn && mention.decidedOn) byNumber.set(mention.number, { value: mention, source: sentence });
    }
  }
  return [...byNumber.values()];
}
