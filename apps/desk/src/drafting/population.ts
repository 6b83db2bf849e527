// The population: the sentence that says whom the data are about, and the sizes the text gives.
import { classifyCounts } from './counts.js';
import type { Extracted } from './types.js';

const WHO = '(?:personen|betrokkenen|sociaal verzekerden|verzekerden|inwoners|werknemers|zelfstandigen|patiënten|kinderen|jongeren|werkzoekenden|gerechtigden)';
const QUI = '(?:personnes|assurés sociaux|assurés|habitants|travailleurs|indépendants|patients|enfants|jeunes|demandeurs d[\'’]emploi|bénéficiaires)';

const POPULATION_SENTENCE = [
  new RegExp(`betrekking op (?:de |alle |het geheel van de )?${WHO}(?!\\p{L})`, 'iu'),
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

export function extractPopulation(
  sentences: string[],
  mentionsOtherDeliberation: (sentence: string) => boolean,
): PopulationFields {
  const result: PopulationFields = {};
  for (const sentence of sentences) {
    if (mentionsOtherDeliberation(sentence)) continue;
    if (!result.population && POPULATION_SENTENCE.some((p) => p.test(sentence))) {
      result.population = { value: sentence, source: sentence };
    }
    for (const { count, kind } of classifyCounts(sentence)) {
      if (kind === 'sample' && !result.sampleSize) result.sampleSize = { value: count.value, source: sentence };
      if (kind === 'population' && !result.populationSize) {
        result.populationSize = { value: count.value, source: sentence };
      }
    }
  }
  return result;
}
