// Turns a pasted published text (wrapped lines, page breaks, stray spaces, footnotes)
// into lines, blocks (paragraphs and headings) and sentences.

const BULLET = /^[\u2022\u25aa\u25e6\u00b7\u2013\u2014\uf000-\uf8ff\ue000-\uefff-]\s*/u;
const PARAGRAPH_NUMBER = /^\d{1,3}(?:\.\/\d{1,2})?\.\s+/u;
const SECTION_LETTER = /^(?:[A-Z]|[IVX]{1,4})\.\s+/u;
const FOOTNOTE = /^\d{1,2}\s+\p{Lu}\p{Ll}/u;
const FOOTNOTE_NUMBER = /^\d{1,2}\s+(?=\p{Lu}\p{Ll})/u;
const HEADING_KEYWORD = /^(?:beraadslaging|d[ée]lib[ée]ration)\b/iu;
const PAGE_NUMBER = /^(?:[-–\s]*\d{1,3}[-–\s]*|(?:pagina|page|blz\.|p\.)\s*\d{1,3}(?:\s*(?:\/|van|de|sur)\s*\d{1,3})?)$/iu;
const CONJUNCTION_AFTER_HYPHEN = /^(?:en|of|et|ou|tot)\s/iu;

/** Non-empty lines, trimmed, with non-breaking spaces and page breaks made plain. */
export function linesOf(text: string): string[] {
  return text
    .replace(/\r\n?|\f|\u2028|\u2029/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/ {2,}/g, ' ')
        .replace(/(\d) ?\/ ?(\d)/g, '$1/$2')
        .replace(/ +,/g, ',')
        .trim(),
    )
    .filter((line) => line.length > 0 && !PAGE_NUMBER.test(line));
}

/** A line in capitals only (a heading), with at least two letters. */
export function isUpperCaseLine(line: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

function startsBlock(line: string, previous: string): boolean {
  if (PARAGRAPH_NUMBER.test(line) || SECTION_LETTER.test(line)) return true;
  if (BULLET.test(line) || FOOTNOTE.test(line) || HEADING_KEYWORD.test(line)) return true;
  return isUpperCaseLine(line) !== isUpperCaseLine(previous);
}

function joinLine(block: string, line: string): string {
  // A line broken after a hyphen inside a word ("risico-\nanalyse") joins without a space,
  // but not "Ziekte-\nen Invaliditeitsverzekering".
  if (/\p{L}-$/u.test(block) && /^\p{L}/u.test(line) && !CONJUNCTION_AFTER_HYPHEN.test(line)) return block + line;
  return `${block} ${line}`;
}

/** Paragraphs and headings: wrapped lines joined, each block on one line. */
export function blocksOf(text: string): string[] {
  const blocks: string[] = [];
  let previous = '';
  for (const line of linesOf(text)) {
    if (blocks.length === 0 || startsBlock(line, previous)) blocks.push(line);
    else blocks[blocks.length - 1] = joinLine(blocks[blocks.length - 1], line);
    previous = line;
  }
  return blocks.map((block) => block.replace(/\s+/g, ' ').trim());
}

const ABBREVIATIONS = new Set([
  'nr',
  'nrs',
  'art',
  'artt',
  'bv',
  'blz',
  'resp',
  'vgl',
  'cf',
  'p',
  'pp',
  'al',
  'dhr',
  'mevr',
  'm',
  'mme',
  'dr',
  'prof',
  'st',
  'o.a',
  'e.a',
  'i.e',
  'e.g',
  'z.g',
  'ca',
  'no',
  'nos',
  'etc',
  'enz',
]);

function endsWithAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1];
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

function cleanSentence(sentence: string): string {
  return sentence.replace(BULLET, '').replace(PARAGRAPH_NUMBER, '').replace(FOOTNOTE_NUMBER, '').trim();
}

/** Sentences of one block; paragraph numbers and bullets are left out. */
export function sentencesOfBlock(block: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of block.matchAll(/[.;!?](?=\s+["“«(]?[\p{Lu}\d])/gu)) {
    const end = match.index + 1;
    const piece = block.slice(start, end);
    if (match[0] === '.' && endsWithAbbreviation(piece)) continue;
    sentences.push(piece);
    start = end;
  }
  sentences.push(block.slice(start));
  return sentences.map(cleanSentence).filter((s) => /\p{L}/u.test(s));
}

/** Every sentence of the text, in order. */
export function sentencesOf(text: string): string[] {
  return blocksOf(text).flatMap(sentencesOfBlock);
}
