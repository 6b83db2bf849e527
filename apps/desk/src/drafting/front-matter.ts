// What the committee prints above the heading: its name, the chamber and the file reference.
import { linesOf } from './text.js';
import type { Extracted } from './types.js';

export interface FrontMatter {
  reference?: Extracted<string>;
  committee?: Extracted<string>;
  chamber?: Extracted<string>;
}

// "IVC/KSZG/24/396", "CSI/CSSS/24/396", "SCSZG/15/045", "CSSSS/15/045": letters, then year/number.
const REFERENCE = /(?<![\p{L}\p{N}/])(\p{Lu}{2,8}(?:\/\p{Lu}{2,8})*\/\d{2}\/\d{1,4})(?![\p{N}/])/u;
const COMMITTEE = /comit[ée]/iu;
const CHAMBER = /^(?:kamer|chambre|afdeling|section)(?!\p{L})/iu;
const HEADING = /^(?:beraadslaging|d[ée]lib[ée]ration)(?!\p{L})/iu;
const MAX_LINES_ABOVE_HEADING = 40;

/** The lines printed above the deliberation heading (none when there is no heading). */
function linesAboveHeading(text: string): string[] {
  const lines = linesOf(text).slice(0, MAX_LINES_ABOVE_HEADING);
  const heading = lines.findIndex((line) => HEADING.test(line));
  return heading < 0 ? [] : lines.slice(0, heading);
}

/** A committee line names a committee and is short: not a sentence of the text. */
function isCommitteeLine(line: string): boolean {
  return COMMITTEE.test(line) && !CHAMBER.test(line) && line.split(' ').length <= 14 && !/[.;]$/u.test(line);
}

export function extractFrontMatter(text: string): FrontMatter {
  const result: FrontMatter = {};
  for (const line of linesAboveHeading(text)) {
    const reference = REFERENCE.exec(line);
    if (reference && !result.reference) result.reference = { value: reference[1], source: line };
    else if (CHAMBER.test(line) && !result.chamber) result.chamber = { value: line, source: line };
    else if (isCommitteeLine(line) && !result.committee) result.committee = { value: line, source: line };
  }
  return result;
}
