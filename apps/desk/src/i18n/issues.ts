import i18next from 'i18next';

type Params = (match: RegExpExecArray) => Record<string, unknown>;
const none: Params = () => ({});
const n: Params = (m) => ({ n: Number(m[1]) });

/**
 * The validation messages the desk can meet, in the words the schemas and the server use
 * (the domain's own messages, and zod's English defaults that the server sends in
 * problem+json `errors[]`), each with its catalogue key under `issues.`. A message not listed
 * here is shown as the server wrote it.
 */
const RULES: [RegExp, string, Params][] = [
  [/^must not be empty$/, 'required', none],
  [/^Invalid input: expected \w+, received undefined$/, 'required', none],
  [/^Too small: expected string to have >=1 characters?$/, 'required', none],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'tooShort', n],
  [/^Too small: expected array to have >=1 items?$/, 'atLeastOne', none],
  [/^Too small: expected array to have >=(\d+) items?$/, 'tooFew', n],
  [/^Too small: expected (?:number|int) to be >=?(-?[\d.]+)$/, 'tooSmall', n],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'tooLong', n],
  [/^Too big: expected array to have <=(\d+) items?$/, 'tooMany', n],
  [/^Too big: expected (?:number|int) to be <=?(-?[\d.]+)$/, 'tooBig', n],
  [/^Invalid input: expected (?:int|number), received \w+$/, 'number', none],
  [/^Invalid input: expected string, received \w+$/, 'text', none],
  [/^Invalid input: expected (\w+), received \w+$/, 'type', (m) => ({ expected: m[1] })],
  [/^Invalid option: expected one of (.*)$/, 'oneOf', (m) => ({ values: m[1].replaceAll('"', '').replaceAll('|', ', ') })],
  [/^Invalid input: expected "(.*)"$/, 'literal', (m) => ({ value: m[1] })],
  [/^Unrecognized keys?: (.*)$/, 'unknownKeys', (m) => ({ keys: m[1].replaceAll('"', '') })],
  [/^(?:Invalid ISO date|must be a real calendar date in the form YYYY-MM-DD)$/, 'date', none],
  [/^must be an ISO 8601 instant/, 'instant', none],
  [/^letters, digits, "\.", "_" or "-", starting with a letter or digit$/, 'identifier', none],
  [/^must be a deliberation number like "24\/130"$/, 'deliberationNumber', none],
  [/^a variable code such as "person\.sex"$/, 'variableCode', none],
  [/^a variable reference such as /, 'variableReference', none],
  [/^must be a SHA-256 digest in hex \(64 characters\)$/, 'sha256', none],
  // The only records of the documents are a table's offsets.
  [/^Invalid key in record$/, 'offset', none],
  [/^an offset such as "T", "T\+1" or "T-1"$/, 'offset', none],
  [/^give "all": true, "categories" or "variables"$/, 'offsetRule', none],
  [/^at least one offset$/, 'atLeastOneOffset', none],
  [/^set at least one field$/, 'setAtLeastOne', none],
  [
    /^duplicate (party id|variable code|table id|dataset id) "(.*)"$/,
    'duplicate',
    (m) => ({ what: i18next.t(`issues.things.${m[1]}`), value: m[2] }),
  ],
  [/^unknown table "(.*)"$/, 'unknownTable', (m) => ({ value: m[1] })],
  [/^must be "each-joint-controller", "each-recipient" or a party id, not "(.*)"$/, 'commitmentFrom', (m) => ({ value: m[1] })],
  [/^(dataset|party) "(.*)" already exists$/, 'alreadyExists', (m) => ({ what: i18next.t(`issues.things.${m[1]}`), value: m[2] })],
  [
    /^no (dataset|party|variable) "(.*)" to (?:remove|update)$/,
    'noSuch',
    (m) => ({ what: i18next.t(`issues.things.${m[1]}`), value: m[2] }),
  ],
  [/^variable "(.*)" is already authorised$/, 'variableAuthorised', (m) => ({ value: m[1] })],
  [/^variable "(.*)" is listed twice$/, 'variableTwice', (m) => ({ value: m[1] })],
  [/^is not a party to this deliberation$/, 'notAParty', none],
  [/^is before the delivery date (\S+)$/, 'beforeDelivery', (m) => ({ date: m[1].split('-').reverse().join('/') })],
  [/^no such dataset$/, 'noSuchDataset', none],
  [/^was performed after the release$/, 'analysisAfterRelease', none],
  [/^the analysis must have passed$/, 'analysisMustPass', none],
];

/** One validation message in the desk's language, or as written when the desk does not know it. */
export function translateIssue(message: string): string {
  for (const [pattern, key, params] of RULES) {
    const match = pattern.exec(message);
    if (match) return i18next.t(`issues.${key}`, params(match));
  }
  return message;
}
