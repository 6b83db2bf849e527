// Entry into force: "Deze beraadslaging treedt in werking op 18 september 2024.", "La présente
// délibération entre en vigueur le 18 septembre 2024.", and for amendments "De wijzigingen …
// goedgekeurd op 5 november 2024 treden in werking op 21 november 2024."
import { DATE_SOURCE, datesIn, isoDate } from './dates.js';
import type { Extracted } from './types.js';

export interface AmendmentInForce {
  /** The amendment's decision date, when the sentence gives it. */
  amendedOn?: string;
  effectiveFrom: string;
}

export interface InForceFields {
  effectiveFrom?: Extracted<string>;
  amendmentsEffectiveFrom: Extracted<AmendmentInForce>[];
}

const AFTER = new RegExp(`(?:in werking\\s+(?:op|vanaf|met ingang van)?|en vigueur\\s+(?:le|à partir du|au)?)\\s*${DATE_SOURCE}`, 'iu');
const BEFORE = new RegExp(`${DATE_SOURCE}\\s+(?:in werking|en vigueur)`, 'iu');
const ABOUT_AMENDMENT = /wijziging|gewijzigd|modification|modifi[ée]e/iu;

function effectiveDate(sentence: string): string | undefined {
  const match = AFTER.exec(sentence) ?? BEFORE.exec(sentence);
  return match ? isoDate(match[1], match[2], match[3]) : undefined;
}

export function extractInForce(sentences: string[], mentionsOtherDeliberation: (sentence: string) => boolean): InForceFields {
  const result: InForceFields = { amendmentsEffectiveFrom: [] };
  for (const sentence of sentences) {
    if (mentionsOtherDeliberation(sentence)) continue;
    const effectiveFrom = effectiveDate(sentence);
    if (!effectiveFrom) continue;
    if (ABOUT_AMENDMENT.test(sentence)) {
      const amendedOn = datesIn(sentence).find((date) => date !== effectiveFrom);
      const value = amendedOn ? { amendedOn, effectiveFrom } : { effectiveFrom };
      result.amendmentsEffectiveFrom.push({ value, source: sentence });
    } else {
      result.effectiveFrom ??= { value: effectiveFrom, source: sentence };
    }
  }
  return result;
}
