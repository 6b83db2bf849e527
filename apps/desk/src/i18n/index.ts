import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { config as configureZod } from 'zod';
// One file per locale: the locales index would bring all of zod's languages to the first page.
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import zodNl from 'zod/v4/locales/nl.js';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const CHOSEN = 'registry.language';

/** The person's own choice, else the first of the browser's languages the desk speaks, else Dutch. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN);
  if (LANGUAGES.includes(chosen as Language)) return chosen as Language;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(base as Language)) return base as Language;
  }
  return 'nl';
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOSEN, language);
  void i18next.changeLanguage(language);
}

// The schemas' built-in messages follow the desk's language (the domain's own messages are English).
const ZOD_LOCALES = { nl: zodNl, fr: zodFr, en: zodEn };
const speak = (language: string) => {
  document.documentElement.setAttribute('lang', language);
  configureZod(ZOD_LOCALES[language as Language]?.() ?? zodEn());
};
i18next.on('languageChanged', speak);

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
speak(i18next.language);

export default i18next;
