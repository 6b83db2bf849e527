// The draft extraction used by the desk: a pure function of the published text.
export { extractDraft } from './extract-draft.js';
export type { DeliberationDraft, DraftParty, Extracted } from './types.js';
