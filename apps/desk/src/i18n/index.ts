import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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

i18next.on('languageChanged', (language) => document.documentElement.setAttribute('lang', language));

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.setAttribute('lang', i18next.language);

export default i18next;
