// Counts of persons: "ongeveer 7,5 miljoen personen", "10.000 personen", "10 000 personnes".
// Each count is attributed to the nearest word that says what it counts: a sample
// ("steekproef", "échantillon", "een deel van de doelgroep") or the whole population.
// Only counts written in digits are read ("tienduizend personen" is left to the person).

export interface PersonCount {
  value: number;
  index: number;
  end: number;
}

const NUMBER = '(\\d{1,3}(?:[.\\s]\\d{3})+|\\d+(?:,\\d+)?)';
const SCALE = "(?:\\s+(miljoen|miljard|millions?|milliards?)(?:\\s+de|\\s+d['’])?)?";
const PERSONS =
  '\\s+(?:personen|personnes|betrokkenen|individuen|individus|verzekerden|assurés|patiënten|patients|' +
  'inwoners|habitants|jongeren|jeunes|werknemers|travailleurs|kinderen|enfants)(?!\\p{L})';
const COUNT = new RegExp(`(?<![\\p{N},.])${NUMBER}${SCALE}${PERSONS}`, 'giu');

const SAMPLE = /steekproef|échantillon|echantillon|deel van de (?:doelgroep|populatie)|partie de la population|partie du groupe cible/giu;
const POPULATION = /populatie|doelgroep|population|groupe cible/giu;

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return /^(?:miljard|milliard)/iu.test(word) ? 1e9 : 1e6;
}

function numberOf(digits: string, scale: string | undefined): number {
  const plain = /,/u.test(digits) ? digits.replace(',', '.') : digits.replace(/[.\s]/gu, '');
  return Math.round(Number(plain) * scaleOf(scale));
}

/** Every count of persons written with digits in a sentence. */
export function personCounts(sentence: string): PersonCount[] {
  return [...sentence.matchAll(COUNT)].map((m) => ({
    value: numberOf(m[1], m[2]),
    index: m.index,
    end: m.index + m[0].length,
  }));
}

interface Span {
  index: number;
  end: number;
}

function spans(sentence: string, pattern: RegExp): Span[] {
  return [...sentence.matchAll(pattern)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
}

// "steekproef van 25.000 personen uit een populatie van …": the word before a count says what it
// counts more often than the word after it, so a word after the count is taken as further away.
const FOLLOWING_WORD_PENALTY = 30;

function distance(count: PersonCount, word: Span): number {
  if (word.end <= count.index) return count.index - word.end;
  return Math.max(0, word.index - count.end) + FOLLOWING_WORD_PENALTY;
}

function nearest(count: PersonCount, words: Span[]): number {
  return Math.min(Infinity, ...words.map((w) => distance(count, w)));
}

/** What each count in the sentence counts: 'sample', 'population' or nothing said. */
export function classifyCounts(sentence: string): { count: PersonCount; kind?: 'sample' | 'population' }[] {
  const samples = spans(sentence, SAMPLE);
  // A population word inside a sample phrase ("deel van de doelgroep") is part of that phrase.
  const populations = spans(sentence, POPULATION).filter((p) => !samples.some((s) => p.index >= s.index && p.end <= s.end));
  return personCounts(sentence).map((count) => {
    const toSample = nearest(count, samples);
    const toPopulation = nearest(count, populations);
    if (toSample === Infinity && toPopulation === Infinity) return { count };
    return { count, kind: toSample <= toPopulation ? 'sample' : 'population' };
  });
}
