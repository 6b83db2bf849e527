// Dutch or French: the heading says it; otherwise the commonest little words do.

const DUTCH = /(?<!\p{L})(?:de|het|van|een|en|voor|wordt|worden|zijn|met)(?!\p{L})/giu;
const FRENCH = /(?<!\p{L})(?:le|la|les|des|du|et|pour|est|sont|avec|une)(?!\p{L})/giu;
const MIN_WORDS = 5;

export function detectLanguage(text: string, headingKeyword?: 'nl' | 'fr'): 'nl' | 'fr' | 'unknown' {
  if (headingKeyword) return headingKeyword;
  const dutch = text.match(DUTCH)?.length ?? 0;
  const french = text.match(FRENCH)?.length ?? 0;
  if (Math.max(dutch, french) < MIN_WORDS || dutch === french) return 'unknown';
  return dutch > french ? 'nl' : 'fr';
}
