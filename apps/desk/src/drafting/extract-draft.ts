// Pre-fills a deliberation draft from the text the committee publishes (Dutch or French).
// Pure: no DOM, no Node APIs. Every value carries the sentence it was read from; what the
// text does not state is left out for a person to fill.
import { extractFrontMatter } from './front-matter.js';
import { findHeading, type Heading } from './heading.js';
import { extractInForce } from './in-force.js';
import { detectLanguage } from './language.js';
import { partiesInTitle } from './parties.js';
import { extractPopulation } from './population.js';
import { deliberationsIn, extractPredecessors } from './predecessors.js';
import { extractDestroyBy } from './retention.js';
import { sentenceCase } from './title-case.js';
import { blocksOf, sentencesOfBlock } from './text.js';
import type { DeliberationDraft, Extracted } from './types.js';
import { extractReferenceYears } from './years.js';

function fromHeading<T>(value: T | undefined, heading: Heading): Extracted<T> | undefined {
  return value === undefined ? undefined : { value, source: heading.text };
}

function headingFields(heading: Heading | undefined, sentences: string[]): Partial<DeliberationDraft> {
  if (!heading) return { amendedOn: [], parties: [] };
  const title = heading.rawTitle ? sentenceCase(heading.rawTitle, sentences) : undefined;
  const language = heading.keyword;
  return {
    number: fromHeading(heading.number, heading),
    decidedOn: fromHeading(heading.decidedOn, heading),
    amendedOn: heading.amendedOn.map((value) => ({ value, source: heading.text })),
    title: fromHeading(title, heading),
    parties: title ? partiesInTitle(title, language).map((value) => ({ value, source: heading.text })) : [],
  };
}

export function extractDraft(text: string): DeliberationDraft {
  const blocks = blocksOf(text);
  const heading = findHeading(blocks);
  const sentences = blocks.flatMap(sentencesOfBlock);
  // The body: what follows the heading (the heading itself is read by findHeading).
  const body = heading ? blocks.slice(heading.blockIndex + 1).flatMap(sentencesOfBlock) : sentences;
  const ownNumber = heading?.number;
  const mentionsOther = (sentence: string) => deliberationsIn(sentence).some((d) => d.number !== ownNumber);
  const fromHead = headingFields(heading, body);
  return {
    language: detectLanguage(text, heading?.keyword),
    ...extractFrontMatter(text),
    ...fromHead,
    amendedOn: fromHead.amendedOn ?? [],
    parties: fromHead.parties ?? [],
    referenceYears: extractReferenceYears(body, mentionsOther),
    ...extractPopulation(body, mentionsOther),
    destroyBy: extractDestroyBy(body, mentionsOther),
    predecessors: extractPredecessors(sentences, ownNumber),
    ...extractInForce(body, mentionsOther),
  };
}
