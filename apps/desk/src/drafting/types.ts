// The interface agreed with the desk (see index.ts). Existing fields must not change;
// optional fields may be added.

/** A value read from the published text, with the sentence (or heading line) it came from. */
export interface Extracted<T> {
  value: T;
  /** The sentence of the text it came from, whitespace-normalised, as shown to the person. */
  source: string;
}

export interface DraftParty {
  /** kebab-case id proposed from the name, e.g. "steunpunt-werk" (a person may change it). */
  id: string;
  /** As written in the text, e.g. "Steunpunt Werk (KU Leuven)". */
  name: string;
}

export interface DeliberationDraft {
  /** Language the text is written in. */
  language: 'nl' | 'fr' | 'unknown';
  number?: Extracted<string>; // "24/130"
  reference?: Extracted<string>; // "IVC/KSZG/24/396" or older "SCSZG/…"
  committee?: Extracted<string>; // "Informatieveiligheidscomité"
  chamber?: Extracted<string>; // "Kamer sociale zekerheid en gezondheid"
  decidedOn?: Extracted<string>; // ISO date "2024-09-03"
  amendedOn: Extracted<string>[]; // ISO dates of each amendment ("gewijzigd op", "modifiée le")
  title?: Extracted<string>; // the subject of the heading, sentence case
  parties: Extracted<DraftParty>[]; // parties named in the title (recipients)
  referenceYears?: Extracted<number[]>; // "de jaren 2020 tot en met 2022" -> [2020, 2021, 2022]
  population?: Extracted<string>; // the sentence describing the population
  populationSize?: Extracted<number>; // e.g. about 7,500,000 persons
  sampleSize?: Extracted<number>; // e.g. 10,000 persons
  destroyBy?: Extracted<string>; // ISO date, "uiterlijk op 31 december 2030" -> "2030-12-31"
  predecessors: Extracted<{ number: string; decidedOn?: string }>[]; // "beraadslaging nr. 21/144 van 5 oktober 2021"
  // Added after the agreement (optional, so code written against it is unaffected):
  /** ISO date the decision takes effect: "Deze beraadslaging treedt in werking op 18 september 2024". */
  effectiveFrom?: Extracted<string>;
  /** When amendments take effect: "De wijzigingen … goedgekeurd op 5 november 2024 treden in werking op 21 november 2024". */
  amendmentsEffectiveFrom?: Extracted<{ amendedOn?: string; effectiveFrom: string }>[];
}
