// The seed: deliberation 24/130 as the committee publishes it (wrapped capitals, page breaks,
// a footnote in the middle). Every value below is what the text says, checked by reading it.
import { readFileSync } from 'node:fs';
import { extractDraft, type DeliberationDraft } from './index.js';

const seed = readFileSync(new URL('./samples/deliberation-24-130.txt', import.meta.url), 'utf8');
const HEADING_START = 'BERAADSLAGING NR. 24/130 VAN 3 SEPTEMBER 2024, GEWIJZIGD OP 5 NOVEMBER 2024, OVER DE MEDEDELING';

describe('extractDraft on the published text of deliberation 24/130', () => {
  let draft: DeliberationDraft;
  beforeAll(() => {
    draft = extractDraft(seed);
  });

  it('reads the language, committee, chamber and reference printed above the heading', () => {
    expect(draft.language).toBe('nl');
    expect(draft.committee).toEqual({ value: 'Informatieveiligheidscomité', source: 'Informatieveiligheidscomité' });
    expect(draft.chamber).toEqual({
      value: 'Kamer sociale zekerheid en gezondheid',
      source: 'Kamer sociale zekerheid en gezondheid',
    });
    expect(draft.reference).toEqual({ value: 'IVC/KSZG/24/396', source: 'IVC/KSZG/24/396' });
  });

  it('reads number, decision date and the amendment from the heading wrapped over five lines', () => {
    expect(draft.number?.value).toBe('24/130');
    expect(draft.decidedOn?.value).toBe('2024-09-03');
    expect(draft.amendedOn.map((a) => a.value)).toEqual(['2024-11-05']);
    expect(draft.number?.source.startsWith(HEADING_START)).toBe(true);
    expect(draft.number?.source.endsWith('VOOR HET MONITOREN VAN DE ARBEIDSRESERVE')).toBe(true);
    expect(draft.amendedOn[0].source).toBe(draft.number?.source);
  });

  it('puts the title in sentence case, keeping the names as the body writes them', () => {
    expect(draft.title?.value).toBe(
      'Mededeling van gepseudonimiseerde persoonsgegevens aan het Steunpunt Werk (KU Leuven) en het ' +
        'Departement Werk en Sociale Economie (Vlaamse Overheid) voor het monitoren van de arbeidsreserve',
    );
  });

  it('names the two recipients of the title, one of them with "en" inside its name', () => {
    expect(draft.parties.map((p) => p.value)).toEqual([
      { id: 'steunpunt-werk', name: 'Steunpunt Werk (KU Leuven)' },
      { id: 'dwse', name: 'Departement Werk en Sociale Economie (Vlaamse Overheid)' },
    ]);
    expect(draft.parties.every((p) => p.source.startsWith(HEADING_START))).toBe(true);
  });

  it('reads the reference years of this deliberation, not those of its predecessor (2005-2019)', () => {
    expect(draft.referenceYears?.value).toEqual([2020, 2021, 2022]);
    expect(draft.referenceYears?.source).toMatch(/^De gevraagde persoonsgegevens hebben betrekking op de personen van 15 tot 64 jaar oud/u);
    expect(draft.referenceYears?.source).toContain('beslaan de jaren 2020 tot en met 2022 (telkens het vierde kwartaal).');
  });

  it('gives the population sentence of §3, whole and on one line', () => {
    expect(draft.population?.value).toBe(
      'De gevraagde persoonsgegevens hebben betrekking op de personen van 15 tot 64 jaar oud die in België wonen ' +
        '(personen die tot de Belgische bevolking behoren, exclusief de personen in het wachtregister) en beslaan ' +
        'de jaren 2020 tot en met 2022 (telkens het vierde kwartaal).',
    );
    expect(draft.population?.source).toBe(draft.population?.value);
  });

  it('reads the population of about 7.5 million and the sample of 10,000 persons', () => {
    expect(draft.populationSize?.value).toBe(7_500_000);
    expect(draft.populationSize?.source).toMatch(/^In de tweede fase hebben de onderzoekers toegang .*\(ongeveer 7,5 miljoen personen\)/u);
    expect(draft.sampleSize?.value).toBe(10_000);
    expect(draft.sampleSize?.source).toBe(
      'De persoonsgegevens hebben in de eerste fase van het onderzoek betrekking op 10.000 personen ' +
        '(een steekproef van ongeveer 0,15 procent van de volledige populatie).',
    );
  });

  it('reads the retention deadline "ten laatste op 31 december 2030" from §16', () => {
    expect(draft.destroyBy?.value).toBe('2030-12-31');
    expect(draft.destroyBy?.source).toMatch(
      /^De gepseudonimiseerde persoonsgegevens worden door de onderzoekers vernietigd .* ten laatste op 31 december 2030\.$/u,
    );
  });

  it('finds the predecessor 21/144 of 5 October 2021, and not 24/130 itself', () => {
    expect(draft.predecessors.map((p) => p.value)).toEqual([{ number: '21/144', decidedOn: '2021-10-05' }]);
    expect(draft.predecessors[0].source).toMatch(
      /^Het informatieveiligheidscomité stemde bij de beraadslaging nr\. 21\/144 van 5 oktober 2021 al in/u,
    );
  });

  it('reads when the decision and its amendment take effect', () => {
    expect(draft.effectiveFrom).toEqual({
      value: '2024-09-18',
      source: 'Deze beraadslaging treedt in werking op 18 september 2024.',
    });
    expect(draft.amendmentsEffectiveFrom).toEqual([
      {
        value: { amendedOn: '2024-11-05', effectiveFrom: '2024-11-21' },
        source:
          'De wijzigingen van deze beraadslaging die door het informatieveiligheidscomité werden goedgekeurd op ' +
          '5 november 2024 treden in werking op 21 november 2024.',
      },
    ]);
  });

  it('gives every source on one line, without the breaks and double spaces of the pasted text', () => {
    const sources = [
      draft.title,
      draft.referenceYears,
      draft.population,
      draft.populationSize,
      draft.sampleSize,
      draft.destroyBy,
      ...draft.predecessors,
    ].map((field) => field?.source ?? '');
    for (const source of sources) {
      expect(source).not.toMatch(/\n|\s{2,}|^\s|\s$/u);
      expect(source.length).toBeGreaterThan(0);
    }
  });

  it('reads the same draft from the text pasted with Windows line ends and non-breaking spaces', () => {
    const pasted = seed.replace(/\n/gu, '\r\n').replace(/ (?=\d)/gu, '\u00a0');
    expect(extractDraft(pasted)).toEqual(draft);
  });
});
