// Heading variants the committee has used over the years, in both languages.
import { readFileSync } from 'node:fs';
import { datesIn, isoDate } from './dates.js';
import { extractDraft } from './index.js';

const BODY_FR = `
Vu la demande de la Banque Nationale de Belgique ;
1. La Banque Nationale de Belgique souhaite recevoir des données à caractère personnel pseudonymisées
de la population active.
`;

describe('dates as the committee writes them', () => {
  it('reads Dutch and French months, capitals, "1er" and "1ste"', () => {
    expect(datesIn('3 SEPTEMBER 2024, 1er février 2019, 1ste april 2020, 15 AOÛT 2021, 2 decembre 2022')).toEqual([
      '2024-09-03',
      '2019-02-01',
      '2020-04-01',
      '2021-08-15',
      '2022-12-02',
    ]);
  });

  it('refuses a day that does not exist', () => {
    expect(isoDate('31', 'februari', '2024')).toBeUndefined();
    expect(isoDate('29', 'février', '2024')).toBe('2024-02-29');
  });
});

describe('deliberation headings', () => {
  it('reads a French heading amended twice ("modifiée le … et le …")', () => {
    const draft = extractDraft(`Comité de sécurité de l'information
DÉLIBÉRATION N° 22/088 DU 1ER MARS 2022, MODIFIÉE LE 6 SEPTEMBRE 2022 ET LE 7 FÉVRIER
2023, RELATIVE À LA COMMUNICATION DE DONNÉES À CARACTÈRE PERSONNEL PSEUDONYMISÉES À LA BANQUE
NATIONALE DE BELGIQUE
${BODY_FR}`);
    expect(draft.language).toBe('fr');
    expect(draft.number?.value).toBe('22/088');
    expect(draft.decidedOn?.value).toBe('2022-03-01');
    expect(draft.amendedOn.map((a) => a.value)).toEqual(['2022-09-06', '2023-02-07']);
    expect(draft.title?.value).toBe('Communication de données à caractère personnel pseudonymisées à la Banque Nationale de Belgique');
    expect(draft.parties.map((p) => p.value.name)).toEqual(['Banque Nationale de Belgique']);
  });

  it('reads "modifiée les … et …" and capitals without accents, restoring the accents from the body', () => {
    const draft = extractDraft(`DELIBERATION N°22/088 DU 1 MARS 2022, MODIFIEE LES 6 SEPTEMBRE 2022 ET
7 FEVRIER 2023, RELATIVE A LA COMMUNICATION DE DONNEES A CARACTERE PERSONNEL PSEUDONYMISEES A LA
BANQUE NATIONALE DE BELGIQUE
${BODY_FR}`);
    expect(draft.amendedOn.map((a) => a.value)).toEqual(['2022-09-06', '2023-02-07']);
    expect(draft.title?.value).toBe('Communication de données à caractère personnel pseudonymisées à la Banque Nationale de Belgique');
  });

  it('reads a heading written in lower case, ending at its full stop', () => {
    const draft = extractDraft(`Beraadslaging nr. 18/012 van 6 februari 2018 over de mededeling van
persoonsgegevens aan het RIZIV en aan het Federaal Planbureau.
Gelet op de aanvraag van het RIZIV;`);
    expect(draft.number?.value).toBe('18/012');
    expect(draft.decidedOn?.value).toBe('2018-02-06');
    expect(draft.title?.value).toBe('Mededeling van persoonsgegevens aan het RIZIV en aan het Federaal Planbureau');
    expect(draft.parties.map((p) => p.value)).toEqual([
      { id: 'riziv', name: 'RIZIV' },
      { id: 'federaal-planbureau', name: 'Federaal Planbureau' },
    ]);
  });

  it('keeps "nr." inside a lower-case heading and stops the heading before the preamble', () => {
    const draft = extractDraft(`Beraadslaging nr. 25/010 van 7 januari 2025 over de verlenging van beraadslaging nr. 21/144
aan het Steunpunt Werk. Gelet op de aanvraag van het Steunpunt Werk;`);
    expect(draft.title?.value).toBe('Verlenging van beraadslaging nr. 21/144 aan het Steunpunt Werk');
    expect(draft.title?.source).toBe(
      'Beraadslaging nr. 25/010 van 7 januari 2025 over de verlenging van beraadslaging nr. 21/144 aan het Steunpunt Werk',
    );
    expect(draft.predecessors.map((p) => p.value.number)).toEqual(['21/144']);
  });

  it('tolerates stray spaces in the number and a comma-less "van"', () => {
    const draft = extractDraft(`BERAADSLAGING NR .  24 / 130 VAN  3 SEPTEMBER  2024 , OVER DE MEDEDELING VAN GEGEVENS
Gelet op de aanvraag;`);
    expect(draft.number?.value).toBe('24/130');
    expect(draft.decidedOn?.value).toBe('2024-09-03');
    expect(draft.title?.value).toBe('Mededeling van gegevens');
  });

  it('takes "relative au …" as the subject after the article folded into "au"', () => {
    const draft = extractDraft(`DÉLIBÉRATION N° 19/101 DU 2 JUILLET 2019 RELATIVE AU TRAITEMENT DE DONNÉES
Vu la demande ;`);
    expect(draft.title?.value).toBe('Traitement de données');
    expect(draft.amendedOn).toEqual([]);
  });

  it('reads the front matter of an older French text of the sectoral committee', () => {
    const draft = extractDraft(`Comité sectoriel de la sécurité sociale et de la santé
Section « sécurité sociale »

CSSSS/15/046

DÉLIBÉRATION N° 15/046 DU 5 MAI 2015 RELATIVE À LA COMMUNICATION DE DONNÉES CODÉES À
L'UNIVERSITÉ DE LIÈGE
Vu la demande de l'Université de Liège ;
Les données codées portent sur les personnes nées en 1990.`);
    expect(draft.language).toBe('fr');
    expect(draft.committee?.value).toBe('Comité sectoriel de la sécurité sociale et de la santé');
    expect(draft.chamber?.value).toBe('Section « sécurité sociale »');
    expect(draft.reference?.value).toBe('CSSSS/15/046');
    expect(draft.number?.value).toBe('15/046');
    expect(draft.title?.value).toBe("Communication de données codées à l'Université de Liège");
    expect(draft.parties.map((p) => p.value)).toEqual([{ id: 'universite-de-liege', name: 'Université de Liège' }]);
  });

  it('reads the seed the same when its heading is pasted in lower case from a web page', () => {
    const seed = readFileSync(new URL('./samples/deliberation-24-130.txt', import.meta.url), 'utf8');
    const webHeading =
      'Beraadslaging nr. 24/130 van 3 september 2024, gewijzigd op 5 november 2024, over de mededeling ' +
      'van gepseudonimiseerde persoonsgegevens aan het Steunpunt Werk (KU Leuven) en het Departement Werk en\n' +
      'Sociale Economie (Vlaamse Overheid) voor het monitoren van de arbeidsreserve\n';
    const pasted = seed.replace(/BERAADSLAGING NR[^]*?ARBEIDSRESERVE \n/u, webHeading);
    expect(pasted).not.toBe(seed);
    const [fromWeb, fromPdf] = [extractDraft(pasted), extractDraft(seed)];
    expect(fromWeb.title?.value).toBe(fromPdf.title?.value);
    expect(fromWeb.parties.map((p) => p.value)).toEqual(fromPdf.parties.map((p) => p.value));
    expect([fromWeb.number?.value, fromWeb.decidedOn?.value, fromWeb.amendedOn[0]?.value]).toEqual(['24/130', '2024-09-03', '2024-11-05']);
  });

  it('finds a predecessor named in the heading itself', () => {
    const draft = extractDraft(`BERAADSLAGING NR. 25/010 VAN 7 JANUARI 2025 TOT WIJZIGING VAN BERAADSLAGING NR. 21/144
VAN 5 OKTOBER 2021
Gelet op de aanvraag;`);
    expect(draft.predecessors.map((p) => p.value)).toEqual([{ number: '21/144', decidedOn: '2021-10-05' }]);
    expect(draft.number?.source).toBe(
      'BERAADSLAGING NR. 25/010 VAN 7 JANUARI 2025 TOT WIJZIGING VAN BERAADSLAGING NR. 21/144 VAN 5 OKTOBER 2021',
    );
  });

  it('leaves everything empty for a text without a heading', () => {
    const draft = extractDraft('Een tekst zonder hoofding, over niets in het bijzonder.');
    const empty = { language: 'unknown', amendedOn: [], parties: [], predecessors: [], amendmentsEffectiveFrom: [] };
    expect(draft).toEqual(empty);
    expect(extractDraft('')).toEqual(empty);
  });
});
