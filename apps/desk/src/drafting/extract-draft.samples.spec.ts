// Texts written in the committee's style, other than the seed: French, an older sectoral
// committee text, two amendments, a text stating neither amendment nor retention, one year.
import { readFileSync } from 'node:fs';
import { extractDraft, type DeliberationDraft } from './index.js';

function draftOf(sample: string): DeliberationDraft {
  return extractDraft(readFileSync(new URL(`./samples/${sample}`, import.meta.url), 'utf8'));
}

const values = <T>(fields: { value: T }[]) => fields.map((f) => f.value);

describe('a French deliberation with an amendment, "1er", a footnote and a page number', () => {
  const draft = draftOf('fr-23-212-csi.txt');

  it('reads the front matter and the heading', () => {
    expect(draft.language).toBe('fr');
    expect(draft.committee?.value).toBe('Comité de sécurité de l’information');
    expect(draft.chamber?.value).toBe('Chambre sécurité sociale et santé');
    expect(draft.reference?.value).toBe('CSI/CSSS/23/410');
    expect(draft.number?.value).toBe('23/212');
    expect(draft.decidedOn?.value).toBe('2023-10-01');
    expect(values(draft.amendedOn)).toEqual(['2024-05-07']);
  });

  it('gives the title in sentence case and its two recipients', () => {
    expect(draft.title?.value).toBe(
      'Communication de données à caractère personnel pseudonymisées à l’Institut national d’assurance ' +
        'maladie-invalidité et au Service public fédéral Sécurité sociale dans le cadre d’une étude sur le retour au travail',
    );
    expect(values(draft.parties)).toEqual([
      { id: 'institut-national-d-assurance-maladie-invalidite', name: 'Institut national d’assurance maladie-invalidité' },
      { id: 'service-public-federal-securite-sociale', name: 'Service public fédéral Sécurité sociale' },
    ]);
  });

  it('reads years, population, sizes and the deadline "au plus tard le"', () => {
    expect(draft.referenceYears?.value).toEqual([2019, 2020, 2021]);
    expect(draft.population?.value).toMatch(/^Les données à caractère personnel demandées concernent les personnes en incapacité/u);
    expect(draft.sampleSize?.value).toBe(10_000);
    expect(draft.sampleSize?.source).toContain('un échantillon de 10.000 personnes');
    expect(draft.populationSize?.value).toBe(450_000);
    expect(draft.populationSize?.source).toContain('(environ 450 000 personnes)');
    expect(draft.destroyBy?.value).toBe('2028-12-31');
    expect(draft.destroyBy?.source).toContain('au plus tard le 31 décembre 2028');
  });

  it('lists the deliberations it cites, also in a footnote, but not "la présente délibération n° 23/212"', () => {
    expect(values(draft.predecessors)).toEqual([
      { number: '21/144', decidedOn: '2021-10-05' },
      { number: '19/020', decidedOn: '2019-02-01' },
    ]);
    expect(draft.predecessors[1].source).toBe('Voir aussi la délibération n° 19/020 du 1er février 2019.');
  });
});

describe('the French text of 24/130 ("relative à … au … et au … dans le cadre du …")', () => {
  const draft = draftOf('fr-24-130-csi.txt');

  it('reads the same decision as the Dutch text, with the French reference and title', () => {
    expect(draft.language).toBe('fr');
    expect(draft.reference?.value).toBe('CSI/CSSS/24/396');
    expect([draft.number?.value, draft.decidedOn?.value, ...values(draft.amendedOn)]).toEqual(['24/130', '2024-09-03', '2024-11-05']);
    expect(draft.title?.value).toBe(
      'Communication de données à caractère personnel pseudonymisées au Steunpunt Werk (KU Leuven) et au Departement ' +
        'Werk en Sociale Economie (Vlaamse Overheid) dans le cadre du monitoring de la réserve de main-d’œuvre',
    );
    expect(values(draft.parties)).toEqual([
      { id: 'steunpunt-werk', name: 'Steunpunt Werk (KU Leuven)' },
      { id: 'dwse', name: 'Departement Werk en Sociale Economie (Vlaamse Overheid)' },
    ]);
  });

  it('reads years, sizes, deadline, predecessor and entry into force', () => {
    expect(draft.referenceYears?.value).toEqual([2020, 2021, 2022]);
    expect(draft.population?.value).toMatch(/^Les données à caractère personnel demandées concernent les personnes âgées de 15 à 64/u);
    expect(draft.populationSize?.value).toBe(7_500_000);
    expect(draft.sampleSize?.value).toBe(10_000);
    expect(draft.sampleSize?.source).toContain('portent sur 10.000 personnes (un échantillon');
    expect(draft.destroyBy?.value).toBe('2030-12-31');
    expect(values(draft.predecessors)).toEqual([{ number: '21/144', decidedOn: '2021-10-05' }]);
    expect(draft.effectiveFrom?.value).toBe('2024-09-18');
    expect(values(draft.amendmentsEffectiveFrom ?? [])).toEqual([{ amendedOn: '2024-11-05', effectiveFrom: '2024-11-21' }]);
  });
});

describe('an older text of the sectoral committee (SCSZG, "NR" without a dot)', () => {
  const draft = draftOf('nl-15-045-scszg.txt');

  it('reads the committee, the section, the SCSZG reference and the heading', () => {
    expect(draft.committee?.value).toBe('Sectoraal comité van de sociale zekerheid en van de gezondheid');
    expect(draft.chamber?.value).toBe('Afdeling “Sociale Zekerheid”');
    expect(draft.reference?.value).toBe('SCSZG/15/045');
    expect(draft.number?.value).toBe('15/045');
    expect(draft.decidedOn?.value).toBe('2015-05-05');
    expect(draft.amendedOn).toEqual([]);
  });

  it('joins the word wrapped after its hyphen and names the recipient, not the source after "door"', () => {
    expect(draft.title?.value).toBe(
      'Mededeling van gecodeerde persoonsgegevens door de Kruispuntbank van de sociale zekerheid aan de ' +
        'Universiteit Antwerpen in het kader van een onderzoek naar de socio-economische loopbanen van jongeren',
    );
    expect(values(draft.parties)).toEqual([{ id: 'universiteit-antwerpen', name: 'Universiteit Antwerpen' }]);
  });

  it('reads "de jaren 2008-2012", the population, and no sample size from "20 procent"', () => {
    expect(draft.referenceYears?.value).toEqual([2008, 2009, 2010, 2011, 2012]);
    expect(draft.population?.value).toMatch(/^De populatie bestaat uit alle jongeren/u);
    expect(draft.populationSize?.value).toBe(250_000);
    expect(draft.sampleSize).toBeUndefined();
  });

  it('reads "uiterlijk op" and the predecessors with and without a date', () => {
    expect(draft.destroyBy?.value).toBe('2020-06-30');
    expect(values(draft.predecessors)).toEqual([{ number: '12/034', decidedOn: '2012-04-03' }, { number: '13/101' }]);
  });
});

describe('a deliberation amended twice ("gewijzigd op … en op …")', () => {
  const draft = draftOf('nl-22-088-two-amendments.txt');

  it('gives each amendment date, in order', () => {
    expect(draft.decidedOn?.value).toBe('2022-03-01');
    expect(values(draft.amendedOn)).toEqual(['2022-09-06', '2023-02-07']);
  });

  it('names a recipient written without an article', () => {
    expect(draft.title?.value).toBe(
      'Mededeling van gepseudonimiseerde persoonsgegevens aan Sciensano voor een studie naar de gevolgen van ' +
        'langdurige COVID-19 op de arbeidsdeelname',
    );
    expect(values(draft.parties)).toEqual([{ id: 'sciensano', name: 'Sciensano' }]);
  });

  it('reads a list of years, not the period "2020-2022" that only describes the persons', () => {
    expect(draft.referenceYears?.value).toEqual([2019, 2020, 2021]);
  });

  it('tells the sample from the population in one sentence', () => {
    expect(draft.sampleSize?.value).toBe(25_000);
    expect(draft.populationSize?.value).toBe(1_200_000);
    expect(draft.sampleSize?.source).toBe(draft.populationSize?.source);
  });

  it('reads the deadline from the sentence that states one, not from the sentence about the amendment', () => {
    expect(draft.destroyBy?.value).toBe('2027-03-31');
    expect(draft.destroyBy?.source).toBe('De persoonsgegevens worden vernietigd ten laatste op 31 maart 2027.');
  });
});

describe('a deliberation stating no amendment, no retention deadline, no years and no sizes', () => {
  const draft = draftOf('nl-23-045-no-amendment.txt');

  it('reads what it states', () => {
    expect(draft.number?.value).toBe('23/045');
    expect(draft.decidedOn?.value).toBe('2023-03-07');
    expect(draft.title?.value).toBe(
      'Mededeling van anonieme gegevens aan het Federaal Planbureau voor de opmaak van de pensioenprojecties',
    );
    expect(values(draft.parties)).toEqual([{ id: 'federaal-planbureau', name: 'Federaal Planbureau' }]);
  });

  it('leaves empty what it does not state ("bewaard zolang nodig" is no deadline)', () => {
    expect(draft.amendedOn).toEqual([]);
    expect(draft.destroyBy).toBeUndefined();
    expect(draft.referenceYears).toBeUndefined();
    expect(draft.population).toBeUndefined();
    expect(draft.populationSize).toBeUndefined();
    expect(draft.sampleSize).toBeUndefined();
    expect(draft.predecessors).toEqual([]);
    expect(draft.effectiveFrom).toBeUndefined();
    expect(draft.amendmentsEffectiveFrom).toEqual([]);
  });
});

describe('a French deliberation on a single year, without amendment', () => {
  const draft = draftOf('fr-24-017-single-year.txt');

  it('reads the heading without an amendment and the recipient with its acronym', () => {
    expect(draft.number?.value).toBe('24/017');
    expect(draft.decidedOn?.value).toBe('2024-02-06');
    expect(draft.amendedOn).toEqual([]);
    expect(draft.title?.value).toBe(
      "Communication de données à caractère personnel pseudonymisées au Département d'économie appliquée de " +
        "l'Université libre de Bruxelles (DULBEA) pour une étude des inégalités salariales",
    );
    expect(values(draft.parties)).toEqual([
      { id: 'dulbea', name: "Département d'économie appliquée de l'Université libre de Bruxelles (DULBEA)" },
    ]);
  });

  it('reads "l\'année 2022", the population and its size, and a deadline on the 1st', () => {
    expect(draft.referenceYears?.value).toEqual([2022]);
    expect(draft.population?.value).toMatch(/concernent les travailleurs salariés du secteur privé/u);
    expect(draft.populationSize?.value).toBe(3_100_000);
    expect(draft.populationSize?.source).toBe('Elles portent sur environ 3,1 millions de personnes.');
    expect(draft.sampleSize).toBeUndefined();
    expect(draft.destroyBy?.value).toBe('2026-03-01');
    expect(draft.predecessors).toEqual([]);
  });
});
