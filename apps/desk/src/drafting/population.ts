// The population: the sentence that says whom the data are about, and the sizes the text gives.
import { classifyCounts } from './counts.js';
import type { Extracted } from './types.js';

const WHO =
  '(?:personen|betrokkenen|sociaal verzekerden|verzekerden|inwoners|werknemers|zelfstandigen|patiënten|kinderen|jongeren|werkzoekenden|gerechtigden)';
const QUI =
  "(?:personnes|assurés sociaux|assurés|habitants|travailleurs|indépendants|patients|enfants|jeunes|demandeurs d['’]emploi|bénéficiaires)";

const POPULATION_SENTENCE = [
  new RegExp(`(?:betrekking op|betreffen) (?:de |alle |het geheel van de )?${WHO}(?!\\p{L})`, 'iu'),
  /(?<!\p{L})(?:de |het )?(?:beoogde |volledige )?(?:populatie|doelgroep)\s+(?:bestaat|omvat|betreft|wordt gevormd|is samengesteld)/iu,
  new RegExp(`(?:concernent|portent sur|visent) (?:les |toutes les |l['’]ensemble des )?${QUI}(?!\\p{L})`, 'iu'),
  /(?<!\p{L})(?:la )?population (?:cible |concernée |visée )?(?:est composée|se compose|comprend|regroupe|concerne)/iu,
  /(?<!\p{L})(?:le )?groupe cible (?:est composé|se compose|comprend|regroupe)/iu,
];

export interface PopulationFields {
  population?: Extracted<string>;
  populationSize?: Extracted<number>;
  sampleSize?: Extracted<number>;
}

/**
 * A count that no word qualifies is the population's size only in the sentence describing the
 * population or the one right after it ("Elles portent sur environ 3,1 millions de personnes.").
 */
function isNextToPopulationSentence(at: number, populationAt: number): boolean {
  return populationAt >= 0 && (at === populationAt || at === populationAt + 1);
}

export function extractPopulation(sentences: string[], mentionsOtherDeliberation: (sentence: string) => boolean): PopulationFields {
  const result: PopulationFields = {};
  let populationAt = -1;
  sentences.forEach((sentence, at) => {
    if (mentionsOtherDeliberation(sentence)) return;
    if (!result.population && POPULATION_SENTENCE.some((p) => p.test(sentence))) {
      result.population = { value: sentence, source: sentence };
      populationAt = at;
    }
    for (const { count, kind } of classifyCounts(sentence)) {
      const found = { value: count.value, source: sentence };
      if (kind === 'sample') result.sampleSize ??= found;
      else if (kind === 'population' || isNextToPopulationSentence(at, populationAt)) result.populationSize ??= found;
    }
  });
  return result;
}
