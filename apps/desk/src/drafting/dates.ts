// Dates as the committee writes them: "3 september 2024", "1er octobre 2024", in any case.

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  maart: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/** Lower case without diacritics, for comparing words written with or without accents. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const MONTH_NAMES =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';

/** Source of a regular expression matching one written date; groups: day, month, year. */
export const DATE_SOURCE = `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|ste|e)?\\s+(${MONTH_NAMES})\\s+(\\d{4})(?!\\p{N})`;

/** ISO date of one matched written date, or undefined when it is not a real day. */
export function isoDate(day: string, month: string, year: string): string | undefined {
  const m = MONTHS[fold(month)];
  const d = Number(day);
  const y = Number(year);
  if (!m) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every written date in the text, in order, as ISO dates (impossible days are skipped). */
export function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(new RegExp(DATE_SOURCE, 'giu'))) {
    const iso = isoDate(match[1], match[2], match[3]);
    if (iso) found.push(iso);
  }
  return found;
}

/** The first written date in the text, as an ISO date. */
export function firstDate(text: string): string | undefined {
  return datesIn(text)[0];
}
