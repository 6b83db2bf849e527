// A heading printed in capitals is put in sentence case by reading how the body of the same
// text writes each phrase: "AAN HET STEUNPUNT WERK (KU LEUVEN)" becomes
// "aan het Steunpunt Werk (KU Leuven)" because the body writes it so. Words the body never
// writes mid-sentence stay in lower case (a person reviews the draft).
import { fold } from './dates.js';
import { isUpperCaseLine } from './text.js';

interface BodyWord {
  word: string;
  key: string;
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?/gu;
const LEADING_ARTICLE = /^(?:de|het|een|la|le|les|l['’]|une?|au|aux)(?:\s+|(?<=['’]))/iu;
const MIN_PHRASE = 2;

function keyOf(word: string): string {
  return fold(word).replace(/’/g, "'");
}

/** Words of the body sentences (not of headings in capitals), each marked when it opens a sentence. */
export function bodyWords(sentences: string[]): BodyWord[] {
  const words: BodyWord[] = [];
  for (const sentence of sentences) {
    if (isUpperCaseLine(sentence)) continue;
    let first = true;
    for (const match of sentence.matchAll(WORD)) {
      words.push({ word: match[0], key: keyOf(match[0]), sentenceStart: first });
      first = false;
    }
  }
  return words;
}

function indexByKey(body: BodyWord[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  body.forEach((w, i) => {
    const positions = index.get(w.key);
    if (positions) positions.push(i);
    else index.set(w.key, [i]);
  });
  return index;
}

/** Longest run of title words, from position `at`, that the body writes in the same order. */
function longestRun(keys: string[], at: number, body: BodyWord[], index: Map<string, number[]>) {
  let best = { start: -1, length: 0 };
  for (const start of index.get(keys[at]) ?? []) {
    let length = 0;
    while (at + length < keys.length && body[start + length]?.key === keys[at + length]) length++;
    if (length > best.length) best = { start, length };
  }
  return best;
}

function mostFrequent(words: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * How the body writes a single word elsewhere: with a capital only if it never writes it in lower
 * case; otherwise in its commonest lower-case spelling (which restores accents: "A" → "à").
 */
function singleWordCase(key: string, lower: string, body: BodyWord[], index: Map<string, number[]>): string {
  const inside = (index.get(key) ?? []).map((i) => body[i]).filter((w) => !w.sentenceStart);
  if (inside.length === 0) return lower;
  const lowerSpellings = inside.map((w) => w.word).filter((w) => w === w.toLowerCase());
  return lowerSpellings.length > 0 ? (mostFrequent(lowerSpellings) ?? lower) : inside[0].word;
}

function casedWords(words: string[], body: BodyWord[]): string[] {
  const index = indexByKey(body);
  const keys = words.map(keyOf);
  const cased = words.map((w) => w.toLowerCase());
  for (let at = 0; at < words.length;) {
    const run = longestRun(keys, at, body, index);
    if (run.length < MIN_PHRASE) {
      cased[at] = singleWordCase(keys[at], cased[at], body, index);
      at++;
      continue;
    }
    for (let k = 0; k < run.length; k++) {
      const source = body[run.start + k];
      cased[at + k] = source.sentenceStart ? cased[at + k] : source.word;
    }
    at += run.length;
  }
  return cased;
}

function capitaliseFirst(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** The subject in sentence case, without the leading article ("DE MEDEDELING …" → "Mededeling …"). */
export function sentenceCase(rawTitle: string, sentences: string[]): string {
  let title = rawTitle.replace(/\s+/g, ' ').trim();
  if (isUpperCaseLine(title)) {
    const words = [...title.matchAll(WORD)];
    const cased = casedWords(
      words.map((m) => m[0]),
      bodyWords(sentences),
    );
    let rebuilt = '';
    let last = 0;
    words.forEach((m, i) => {
      rebuilt += title.slice(last, m.index) + cased[i];
      last = m.index + m[0].length;
    });
    title = rebuilt + title.slice(last);
  }
  return capitaliseFirst(title.replace(LEADING_ARTICLE, ''));
}
