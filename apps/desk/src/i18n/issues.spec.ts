import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import {
  applyChange,
  type Change,
  commitmentSchema,
  deliberationDocumentSchema,
  deliveryRequestSchema,
  revocationSchema,
} from '@registry/domain';
import { translateIssue } from './issues.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../../fixtures/${name}`, import.meta.url), 'utf8'));
const catalogue = (language: string) => JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8'));

/** Bad inputs of several kinds, through the very schemas the desk and the server validate with. */
function messagesOfBadInputs(): string[] {
  const document = deliberationDocumentSchema.safeParse({
    number: '24-130',
    decidedOn: '2024-02-30',
    effectiveFrom: '',
    parties: [
      { id: 'a b', name: '', roles: [] },
      { id: 'x', name: 'X', roles: ['recipient'] },
      { id: 'x', name: 'X', roles: ['recipient'] },
    ],
    referenceYears: [1800],
    variables: [{ code: '', category: 'p', label: 'L' }],
    tables: [{ id: 't', offsets: { X: { all: true } } }],
    datasets: [{ id: 'd', kind: 'raw', access: 'post', tables: ['nope'], personalData: true, maxSubjects: -1 }],
    requiredCommitments: [],
    extra: 1,
  });
  const delivery = deliveryRequestSchema.safeParse({
    recipient: '',
    dataset: 'd',
    checksum: 'xyz',
    referenceYears: 'all',
    variables: ['a@T+x'],
  });
  const commitment = commitmentSchema.safeParse({ party: '', kind: 'oath', signedOn: 'yesterday' });
  const revocation = revocationSchema.safeParse({});
  return [document, delivery, commitment, revocation].flatMap((r) => (r.success ? [] : r.error.issues.map((i) => i.message)));
}

describe('validation messages in the desk language', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: Object.fromEntries(['nl', 'fr', 'en'].map((l) => [l, { translation: catalogue(l) }])),
      lng: 'nl',
      interpolation: { escapeValue: false },
    });
  });

  it('every catalogue has the same issue keys', () => {
    const keys = (l: string) => Object.keys(catalogue(l).issues).sort();
    expect(keys('fr')).toEqual(keys('nl'));
    expect(keys('en')).toEqual(keys('nl'));
  });

  it.each(['nl', 'fr', 'en'])("every message of the domain's schemas for bad inputs has a translation in %s", async (language) => {
    await i18next.changeLanguage(language);
    const messages = messagesOfBadInputs();
    expect(messages.length).toBeGreaterThan(15);
    const untranslated = messages.filter((m) => translateIssue(m) === m || translateIssue(m).startsWith('issues.'));
    expect(untranslated).toEqual([]);
  });

  it('says each thing in the chosen language, with the values the message names', async () => {
    await i18next.changeLanguage('fr');
    expect(translateIssue('duplicate party id "ksz"')).toBe("L'identifiant de partie « ksz » figure deux fois.");
    expect(translateIssue('Too small: expected number to be >=1')).toBe('Au moins 1.');
    await i18next.changeLanguage('nl');
    expect(translateIssue('is before the delivery date 2024-12-02')).toBe('Ligt vóór de leveringsdatum 02/12/2024.');
    expect(translateIssue('must not be empty')).toBe('Vul dit in.');
  });

  it("says why a change of an amendment does not apply (the domain's applyChange)", async () => {
    await i18next.changeLanguage('nl');
    const document = fixture('24-130.deliberation.json');
    const refusals = [
      { op: 'addDataset', dataset: { ...document.datasets[0] } },
      { op: 'removeDataset', datasetId: 'nope' },
      { op: 'addVariables', variables: [document.variables[0]] },
      { op: 'removeParty', partyId: 'nobody' },
    ].map((change) => applyChange(document, change as Change, 'changes.0'));
    const messages = refusals.map((r) => (r.ok ? 'applied' : r.error.message));
    expect(messages.map(translateIssue)).toEqual([
      'Dataset-id „sample” bestaat al.',
      'Dataset-id „nope” bestaat niet.',
      'Variabele „person.sequence_number” is al toegestaan.',
      'Partij-id „nobody” bestaat niet.',
    ]);
  });

  it('keeps a message it does not know as the server wrote it', () => {
    expect(translateIssue('something new the server says')).toBe('something new the server says');
  });
});
