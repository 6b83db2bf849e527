import type { FieldError } from '../shared/errors.js';
import type { Change } from './amendment.js';
import type { DeliberationDocument } from './document.js';

export type ChangeResult = { ok: true; document: DeliberationDocument } | { ok: false; error: FieldError };

const refuse = (path: string, message: string): ChangeResult => ({ ok: false, error: { path, message } });

/** Applies one amendment change to the decision as it stands; refuses a change that does not apply. */
export function applyChange(doc: DeliberationDocument, change: Change, at = ''): ChangeResult {
  const p = (field: string) => `${at}/${field}`;
  switch (change.op) {
    case 'addDataset': {
      if (doc.datasets.some((d) => d.id === change.dataset.id))
        return refuse(p('dataset/id'), `dataset "${change.dataset.id}" already exists`);
      const missing = change.dataset.tables.find((t) => !doc.tables.some((table) => table.id === t));
      if (missing) return refuse(p('dataset/tables'), `unknown table "${missing}"`);
      return ok({ ...doc, datasets: [...doc.datasets, change.dataset] });
    }
    case 'removeDataset':
      if (!doc.datasets.some((d) => d.id === change.datasetId)) return refuse(p('datasetId'), `no dataset "${change.datasetId}" to remove`);
      return ok({ ...doc, datasets: doc.datasets.filter((d) => d.id !== change.datasetId) });
    case 'updateDataset': {
      const current = doc.datasets.find((d) => d.id === change.datasetId);
      if (!current) return refuse(p('datasetId'), `no dataset "${change.datasetId}" to update`);
      const missing = change.set.tables?.find((t) => !doc.tables.some((table) => table.id === t));
      if (missing) return refuse(p('set/tables'), `unknown table "${missing}"`);
      const { maxSubjects, ...rest } = change.set;
      const updated = { ...current, ...rest };
      if (maxSubjects === null) delete updated.maxSubjects;
      else if (maxSubjects !== undefined) updated.maxSubjects = maxSubjects;
      return ok({ ...doc, datasets: doc.datasets.map((d) => (d.id === current.id ? updated : d)) });
    }
    case 'addVariables': {
      const existing = change.variables.find((v) => doc.variables.some((known) => known.code === v.code));
      if (existing) return refuse(p('variables'), `variable "${existing.code}" is already authorised`);
      const codes = change.variables.map((v) => v.code);
      const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
      if (repeated) return refuse(p('variables'), `variable "${repeated}" is listed twice`);
      return ok({ ...doc, variables: [...doc.variables, ...change.variables] });
    }
    case 'removeVariables': {
      const unknown = change.codes.find((c) => !doc.variables.some((v) => v.code === c));
      if (unknown) return refuse(p('codes'), `no variable "${unknown}" to remove`);
      return ok({ ...doc, variables: doc.variables.filter((v) => !change.codes.includes(v.code)) });
    }
    case 'addParty':
      if (doc.parties.some((x) => x.id === change.party.id)) return refuse(p('party/id'), `party "${change.party.id}" already exists`);
      return ok({ ...doc, parties: [...doc.parties, change.party] });
    case 'removeParty':
      if (!doc.parties.some((x) => x.id === change.partyId)) return refuse(p('partyId'), `no party "${change.partyId}" to remove`);
      return ok({ ...doc, parties: doc.parties.filter((x) => x.id !== change.partyId) });
    case 'setReferenceYears':
      return ok({ ...doc, referenceYears: [...new Set(change.years)].sort((a, b) => a - b) });
    case 'setRetention':
      return ok({ ...doc, retention: { ...(doc.retention ?? {}), destroyBy: change.destroyBy } });
  }
}

const ok = (document: DeliberationDocument): ChangeResult => ({ ok: true, document });
