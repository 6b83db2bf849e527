// The parts of the extraction, each on the forms the committee uses.
import { classifyCounts } from './counts.js';
import { extractInForce } from './in-force.js';
import { partiesInTitle, partyId } from './parties.js';
import { extractPopulation } from './population.js';
import { deliberationsIn, extractPredecessors } from './predecessors.js';
import { extractDestroyBy } from './retention.js';
import { blocksOf, sentencesOf } from './text.js';
import { extractReferenceYears } from './years.js';

const none = () => false;
const citesAnother = (s: string) => deliberationsIn(s).length > 0;

describe('sentences of a pasted text', () => {
  it('joins wrapped lines, keeps "nr." and "art." inside a sentence, drops paragraph numbers', () => {
    expect(sentencesOf('3. Het comité stemde bij beraadslaging nr. 21/144 in met art. 5\nvan de wet. Zo werd beslist.')).toEqual([
      'Het comité stemde bij beraadslaging nr. 21/144 in met art. 5 van de wet.',
      'Zo werd beslist.',
    ]);
  });

  it('drops page numbers and keeps a paragraph whole across a page break', () => {
    expect(sentencesOf('De gegevens worden\n\n- 2 -\n\nvernietigd.\nPagina 3 van 9\nDaarna niets.')).toEqual([
      'De gegevens worden vernietigd.',
      'Daarna niets.',
    ]);
  });

  it('joins a word broken after its hyphen, but not "Ziekte- en …"', () => {
    expect(blocksOf('een small cell risico-\nanalyse en het Rijksinstituut voor Ziekte-\nen Invaliditeitsverzekering')).toEqual([
      'een small cell risico-analyse en het Rijksinstituut voor Ziekte- en Invaliditeitsverzekering',
    ]);
  });

  it('keeps headings, numbered paragraphs, bullets and footnotes apart', () => {
    expect(blocksOf('A. ONDERWERP\n1. Eerste.\n\uf0b7 Persoonskenmerken: leeftijd\n1 Een voetnoot.\n2. Tweede.')).toEqual([
      'A. ONDERWERP',
      '1. Eerste.',
      '\uf0b7 Persoonskenmerken: leeftijd',
      '1 Een voetnoot.',
      '2. Tweede.',
    ]);
  });
});

describe('reference years', () => {
  const years = (sentence: string, skip = none) => extractReferenceYears([sentence], skip)?.value;

  it('reads ranges and lists in Dutch and French', () => {
    expect(years('beslaan de jaren 2020 tot en met 2022.')).toEqual([2020, 2021, 2022]);
    expect(years('portent sur les années 2020 à 2022.')).toEqual([2020, 2021, 2022]);
    expect(years('betreft de jaren 2020–2022.')).toEqual([2020, 2021, 2022]);
    expect(years('betreft de jaren 2020 t.e.m. 2021.')).toEqual([2020, 2021]);
    expect(years('beslaan de referentiejaren 2017, 2019 en 2021.')).toEqual([2017, 2019, 2021]);
    expect(years("porte sur l'année 2021.")).toEqual([2021]);
    expect(years('betreft enkel het jaar 2021.')).toEqual([2021]);
  });

  it('reads no years from a period, a date or a backward range', () => {
    expect(years('voor analyse in de periode 2024-2030.')).toBeUndefined();
    expect(years('de wet van 15 januari 1990.')).toBeUndefined();
    expect(years('de jaren 2022 tot 2020.')).toBeUndefined();
  });

  it('skips the years of a predecessor even when it is cited first', () => {
    const sentences = [
      'Bij beraadslaging nr. 21/144 werden de jaren 2005 tot en met 2019 meegedeeld.',
      'Deze aanvraag betreft de jaren 2020 tot en met 2022.',
    ];
    expect(extractReferenceYears(sentences, citesAnother)?.value).toEqual([2020, 2021, 2022]);
    expect(extractReferenceYears(sentences, none)?.value).toEqual([
      2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019,
    ]);
  });
});

describe('counts of persons', () => {
  const kinds = (sentence: string) => classifyCounts(sentence).map((c) => [c.count.value, c.kind]);

  it('reads digits with separators and scales in both languages', () => {
    expect(kinds('een steekproef van 10.000 personen')).toEqual([[10_000, 'sample']]);
    expect(kinds('un échantillon de 10 000 personnes')).toEqual([[10_000, 'sample']]);
    expect(kinds('de volledige populatie (ongeveer 7,5 miljoen personen)')).toEqual([[7_500_000, 'population']]);
    expect(kinds('la population (environ 7,5 millions de personnes)')).toEqual([[7_500_000, 'population']]);
    expect(kinds('de doelgroep van 7.500.000 personen')).toEqual([[7_500_000, 'population']]);
  });

  it('does not count percentages, ages or persons no word qualifies', () => {
    expect(kinds('een steekproef van 0,15 procent van de personen van 15 tot 64 jaar')).toEqual([]);
    expect(kinds('het gaat om 300 personen')).toEqual([[300, undefined]]);
  });

  it('prefers the word before a count to a nearer word after it', () => {
    expect(
      kinds('Uit de volledige doelgroep van ongeveer 1,2 miljoen personen wordt een steekproef van 25.000 personen getrokken.'),
    ).toEqual([
      [1_200_000, 'population'],
      [25_000, 'sample'],
    ]);
  });

  it('takes "een deel van de doelgroep" as a sample, not as the population', () => {
    expect(kinds('een deel van de doelgroep (ongeveer 10.000 personen)')).toEqual([[10_000, 'sample']]);
  });

  it('reads a bare count only next to the population sentence', () => {
    const fields = extractPopulation(
      [
        'Het gaat om 50 personen die de aanvraag indienden.',
        'De gegevens hebben betrekking op de personen die in 2022 werkloos waren.',
        'Het gaat om 120.000 personen.',
      ],
      none,
    );
    expect(fields.population?.value).toBe('De gegevens hebben betrekking op de personen die in 2022 werkloos waren.');
    expect(fields.populationSize?.value).toBe(120_000);
    expect(fields.sampleSize).toBeUndefined();
  });
});

describe('retention deadline', () => {
  const deadline = (...sentences: string[]) => extractDestroyBy(sentences, citesAnother)?.value;

  it('reads "uiterlijk op", "ten laatste op", "au plus tard le", "bewaard tot"', () => {
    expect(deadline('De gegevens worden uiterlijk op 31 december 2030 vernietigd.')).toBe('2030-12-31');
    expect(deadline('Ze worden vernietigd en ten laatste op 1 maart 2029.')).toBe('2029-03-01');
    expect(deadline('Les données sont détruites au plus tard le 1er juin 2031.')).toBe('2031-06-01');
    expect(deadline('De gegevens worden bewaard tot 30 juni 2027.')).toBe('2027-06-30');
    expect(deadline('De gegevens mogen uiterlijk tot 30 juni 2027 worden bewaard.')).toBe('2027-06-30');
  });

  it('takes no deadline that is not about keeping or destroying the data', () => {
    expect(deadline('Zij bezorgen uiterlijk op 1 maart 2025 een verslag.')).toBeUndefined();
    expect(deadline('De gegevens van 1 januari 2020 tot 31 december 2022 worden vernietigd na de studie.')).toBeUndefined();
    expect(deadline('Bij beraadslaging nr. 21/144 werd de vernietiging uiterlijk op 31 december 2025 bepaald.')).toBeUndefined();
  });
});

describe('predecessors', () => {
  it('reads single mentions, lists and French mentions with their dates', () => {
    expect(deliberationsIn('de beraadslagingen nrs. 18/012 van 6 februari 2018 en 19/044')).toEqual([
      { number: '18/012', decidedOn: '2018-02-06' },
      { number: '19/044' },
    ]);
    expect(deliberationsIn('par ses délibérations n° 20/001 et n° 20/002 du 7 janvier 2020')).toEqual([
      { number: '20/001' },
      { number: '20/002', decidedOn: '2020-01-07' },
    ]);
    expect(deliberationsIn('de Verordening (EU) nr. 2016/679 en het dossier SCSZG/15/045')).toEqual([]);
  });

  it('excludes the own number and keeps each deliberation once, with its date when one mention gives it', () => {
    const found = extractPredecessors(
      [
        'Deze beraadslaging nr. 24/130 vervangt niets.',
        'Zie beraadslaging nr. 21/144.',
        'Bij beraadslaging nr. 21/144 van 5 oktober 2021 werd ingestemd.',
      ],
      '24/130',
    );
    expect(found).toEqual([
      {
        value: { number: '21/144', decidedOn: '2021-10-05' },
        source: 'Bij beraadslaging nr. 21/144 van 5 oktober 2021 werd ingestemd.',
      },
    ]);
  });
});

describe('parties of a title', () => {
  it('splits recipients on articles, not on "en" inside a name', () => {
    expect(
      partiesInTitle('Mededeling aan het RIZIV, de FOD Economie en het Departement Werk en Sociale Economie voor een studie', 'nl').map(
        (p) => p.name,
      ),
    ).toEqual(['RIZIV', 'FOD Economie', 'Departement Werk en Sociale Economie']);
    expect(
      partiesInTitle('Communication à la Banque Nationale de Belgique et à l’Université de Liège pour une étude', 'fr').map((p) => p.name),
    ).toEqual(['Banque Nationale de Belgique', 'Université de Liège']);
  });

  it('names no party when the title names recipients only in lower case', () => {
    expect(partiesInTitle('Mededeling van gegevens aan de onderzoekers voor een studie', 'nl')).toEqual([]);
    expect(partiesInTitle('Communication de données à caractère personnel pour une étude', 'fr')).toEqual([]);
  });

  it('proposes an id from an acronym, the initials of a long name or the name itself', () => {
    expect(partyId('Rijksinstituut voor ziekte- en invaliditeitsverzekering (RIZIV)')).toBe('riziv');
    expect(partyId('Departement Werk en Sociale Economie (Vlaamse Overheid)')).toBe('dwse');
    expect(partyId('Université de Liège')).toBe('universite-de-liege');
  });
});

describe('entry into force', () => {
  it('reads the decision and amendments in French, and Dutch with the date before "in werking"', () => {
    const fields = extractInForce(
      [
        'La présente délibération entre en vigueur le 1er octobre 2023.',
        'Les modifications approuvées le 7 mai 2024 entrent en vigueur le 23 mai 2024.',
        'De wijziging treedt op 3 juni 2024 in werking.',
        'De beraadslaging nr. 21/144 trad in werking op 20 oktober 2021.',
      ],
      citesAnother,
    );
    expect(fields.effectiveFrom?.value).toBe('2023-10-01');
    expect(fields.amendmentsEffectiveFrom.map((a) => a.value)).toEqual([
      { amendedOn: '2024-05-07', effectiveFrom: '2024-05-23' },
      { effectiveFrom: '2024-06-03' },
    ]);
  });
});
