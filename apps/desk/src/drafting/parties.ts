// Recipients named in the (sentence-cased) title: "… aan het Steunpunt Werk (KU Leuven) en het
// Departement Werk en Sociale Economie (Vlaamse Overheid) voor …", "… au Steunpunt Werk … et à la …".
import { fold } from './dates.js';
import type { DraftParty } from './types.js';

interface LanguageRules {
  intro: RegExp;
  end: RegExp;
  separator: RegExp;
  article: RegExp;
}

const NL: LanguageRules = {
  intro: /(?<!\p{L})aan\s+(?:(?:het|de|den)\s+)?(?=\p{Lu})/u,
  end: /\s(?:(?:met het oog op|in het kader van|ten behoeve van|teneinde|door|uit|met als doel|in functie van)(?!\p{L})|(?:voor|om|met|tot|ter|in)\s+(?:(?:het|de|een)\s+)?\p{Ll}[\p{L}-]*(?![\p{L}'’]))/u,
  separator: /(?:,\s*(?:en\s+)?|\s+en\s+)(?:aan\s+)?(?=(?:het|de|den)\s+\p{Lu})|,\s*(?=\p{Lu})|(?<=\))\s+en\s+(?=\p{Lu})/u,
  article: /^(?:aan\s+)?(?:(?:het|de|den)\s+)?/u,
};

const FR: LanguageRules = {
  intro: /(?<!\p{L})(?:aux|au|à la|à l['’]|a la)\s*(?=\p{Lu})/u,
  end: /\s(?:(?:dans le cadre|en vue|aux fins|afin)\s+d(?:e|u|es|['’])|(?:par|en ce qui concerne|concernant)(?!\p{L})|(?:pour|de|du|des|en)\s+(?:(?:le|la|les|l['’]|un|une)\s*)?\p{Ll}[\p{L}-]*(?![\p{L}'’]))/u,
  separator: /(?:,\s*(?:et\s+)?|\s+et\s+)(?=(?:aux|au|à la|à l['’]|à|le|la|l['’])\s*\p{Lu})|,\s*(?=\p{Lu})|(?<=\))\s+et\s+(?=\p{Lu})/u,
  article: /^(?:aux|au|à la|à l['’]|à|le|la|les|l['’])\s*/u,
};

const ACRONYM = /\((\p{Lu}{2,8})\)/u;
const MAX_WORDS_SPELLED_OUT = 3;
const MIN_INITIALS = 3;

/** A kebab-case id: an acronym the name gives, the initials of a long name, or the name itself. */
export function partyId(name: string): string {
  const acronym = ACRONYM.exec(name)?.[1];
  if (acronym) return acronym.toLowerCase();
  const plain = fold(name.replace(/\([^)]*\)/gu, ' '));
  const words = plain.split(/[^a-z0-9]+/u).filter(Boolean);
  const capitalised = name
    .replace(/\([^)]*\)/gu, ' ')
    .split(/\s+/u)
    .filter((w) => /^\p{Lu}/u.test(w));
  if (words.length > MAX_WORDS_SPELLED_OUT && capitalised.length >= MIN_INITIALS) {
    return fold(capitalised.map((w) => w[0]).join(''));
  }
  return words.join('-');
}

function recipientList(title: string, rules: LanguageRules): string | undefined {
  const intro = rules.intro.exec(title);
  if (!intro) return undefined;
  const rest = title.slice(intro.index);
  const end = rules.end.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/** The parties a title names as recipients, in order; none when it names none plainly. */
export function partiesInTitle(title: string, language: 'nl' | 'fr' | 'unknown'): DraftParty[] {
  const rules = language === 'fr' ? FR : NL;
  const list = recipientList(title, rules);
  if (!list) return [];
  const names = list
    .split(new RegExp(rules.separator.source, 'gu'))
    .map((chunk) =>
      chunk
        .replace(rules.article, '')
        .replace(/[\s,.;:]+$/u, '')
        .trim(),
    )
    .filter((name) => /^\p{Lu}/u.test(name));
  const seen = new Set<string>();
  return names.map((name) => ({ id: partyId(name), name })).filter((party) => !seen.has(party.id) && seen.add(party.id) !== undefined);
}
