// The heading: "BERAADSLAGING NR. 24/130 VAN 3 SEPTEMBER 2024, GEWIJZIGD OP 5 NOVEMBER 2024,
// OVER …" or "DÉLIBÉRATION N° 24/130 DU 3 SEPTEMBRE 2024, MODIFIÉE LE …, RELATIVE À …".
import { DATE_SOURCE, datesIn, isoDate } from './dates.js';

export interface Heading {
  /** The whole heading, whitespace-normalised. */
  text: string;
  /** Index of the block holding the heading. */
  blockIndex: number;
  keyword: 'nl' | 'fr';
  number: string;
  decidedOn?: string;
  amendedOn: string[];
  /** The subject as written (may be in capitals), without the leading connector. */
  rawTitle?: string;
}

const NUMBER_MARK = '(?:nrs?\\s?\\.?|n\\s?[°º]s?|no\\.?)';
export const DELIBERATION_NUMBER = '(?<!\\d)(\\d{2}\\/\\d{2,4})(?![\\d\\/])';
const HEAD = new RegExp(
  `(beraadslaging|d[ée]lib[ée]ration)\\s+${NUMBER_MARK}\\s*${DELIBERATION_NUMBER}` + `(?:,?\\s+(?:van|du)\\s+${DATE_SOURCE})?`,
  'iu',
);
const CONNECTOR =
  /(?<!\p{L})(?:(?:over|met betrekking tot|betreffende|inzake|concernant|portant sur)(?!\p{L})|relati(?:ve|f)\s+(?:[àa](?!\p{L}))?)\s*/iu;
const AMENDED = /(?<!\p{L})(?:gewijzigd|modifi[ée]e?s?)(?!\p{L})/iu;
// Where a mixed-case heading stops when no line break tells.
const PREAMBLE = /\s(?:Gelet op|Vu |Overwegende|Considérant|Le Comité|Het Comité|De kamer|La chambre)/u;

function amendmentDates(between: string): string[] {
  const at = between.search(AMENDED);
  return at < 0 ? [] : datesIn(between.slice(at));
}

function subjectEnd(subject: string, upperCase: boolean): string {
  if (upperCase) {
    const firstLowerWord = subject.search(/\S*\p{Ll}/u);
    if (firstLowerWord >= 0) return subject.slice(0, firstLowerWord).trim();
    return subject.trim();
  }
  const stop = subject.search(PREAMBLE);
  const cut = stop >= 0 ? subject.slice(0, stop) : subject;
  return cut.replace(/\.\s+\p{Lu}.*$/u, '').trim();
}

function parseHeadingBlock(block: string, blockIndex: number): Heading | undefined {
  const head = HEAD.exec(block);
  if (!head) return undefined;
  const afterHead = block.slice(head.index + head[0].length);
  const connector = CONNECTOR.exec(afterHead);
  const between = connector ? afterHead.slice(0, connector.index) : afterHead;
  const upperCase = !/\p{Ll}/u.test(head[1]);
  const rawTitle = connector
    ? subjectEnd(afterHead.slice(connector.index + connector[0].length), upperCase).replace(/[.,;:]$/u, '')
    : undefined;
  const text = connector
    ? block.slice(head.index, head.index + head[0].length + connector.index + connector[0].length + (rawTitle?.length ?? 0))
    : subjectEnd(block.slice(head.index), upperCase);
  return {
    text: text.trim(),
    blockIndex,
    keyword: /^b/iu.test(head[1]) ? 'nl' : 'fr',
    number: head[2],
    decidedOn: head[3] ? isoDate(head[3], head[4], head[5]) : undefined,
    amendedOn: amendmentDates(between),
    rawTitle: rawTitle || undefined,
  };
}

/** The first block that opens with a deliberation heading (its number, dates and subject). */
export function findHeading(blocks: string[]): Heading | undefined {
  for (let i = 0; i < blocks.length; i++) {
    if (!/^\s*(?:beraadslaging|d[ée]lib[ée]ration)/iu.test(blocks[i])) continue;
    const heading = parseHeadingBlock(blocks[i], i);
    if (heading) return heading;
  }
  return undefined;
}
