import type { DeliberationDocument } from '../deliberation/document.js';
import type { RecordedAmendment } from '../deliberation/events.js';
import {
  amendmentsPending,
  commitmentsSignedBy,
  documentAsOf,
  isRevokedOn,
  type DeliberationTimeline,
} from '../deliberation/timeline.js';
import { applyChange } from '../deliberation/apply-change.js';
import { isAfter, isBefore } from '../shared/dates.js';
import { clauseCitedIn, joinClauses, type Reason } from './reasons.js';
import type { Release } from './release.js';
import { isVariableAllowed, parseVariableReference, tablesFor } from './variable-reference.js';

export interface CheckResult {
  authorised: boolean;
  reasons: Reason[];
}

/** The decision on `on`, then after each amendment not yet in force, in the order they take effect. */
interface State {
  doc: DeliberationDocument;
  /** The amendment that produced this state; absent for the state in force on `on`. */
  amendment?: RecordedAmendment;
}

interface Context {
  t: DeliberationTimeline;
  release: Release;
  states: State[];
  /** Index of the first state with the dataset, the recipient, each variable; -1 when none has it. */
  datasetAt: number;
  recipientAt: number;
  variablesAt: number[];
}

/** Decides whether a release is authorised under one deliberation, giving every failing rule. */
export function checkRelease(t: DeliberationTimeline | undefined, release: Release, number: string): CheckResult {
  if (!t) return { authorised: false, reasons: [unknownDeliberation(number)] };
  const ctx = contextFor(t, release);
  const reasons = RULES.map((rule) => rule(ctx)).filter((r): r is Reason => r !== undefined);
  return { authorised: reasons.length === 0, reasons };
}

function contextFor(t: DeliberationTimeline, release: Release): Context {
  const states: State[] = [{ doc: documentAsOf(t, release.on) }];
  for (const amendment of amendmentsPending(t, release.on)) {
    let doc = states[states.length - 1].doc;
    for (const change of amendment.changes) {
      const result = applyChange(doc, change);
      if (result.ok) doc = result.document;
    }
    states.push({ doc, amendment });
  }
  const first = (has: (doc: DeliberationDocument) => boolean) => states.findIndex((s) => has(s.doc));
  const refs = release.variables.map((raw) => parseVariableReference(raw));
  return {
    t,
    release,
    states,
    datasetAt: first((doc) => doc.datasets.some((d) => d.id === release.dataset)),
    recipientAt: first((doc) => doc.parties.some((p) => p.id === release.recipient && p.roles.includes('recipient'))),
    variablesAt: refs.map((ref) => (ref ? first((doc) => isVariableAllowed(doc, release.dataset, ref, release.table)) : -1)),
  };
}

const current = (ctx: Context) => ctx.states[0].doc;
/** The dataset as it will be once in force (or as it is now). */
const datasetOf = (ctx: Context) =>
  ctx.datasetAt < 0 ? undefined : ctx.states[ctx.datasetAt].doc.datasets.find((d) => d.id === ctx.release.dataset);

function unknownDeliberation(number: string): Reason {
  return {
    code: 'UNKNOWN_DELIBERATION',
    message: `No deliberation ${number} is recorded.`,
    clause: null,
    details: { deliberation: number },
  };
}

function notYetInForce(ctx: Context): Reason | undefined {
  const { t, release } = ctx;
  const waiting: { what: string; effectiveFrom: string; amendment?: number }[] = [];
  if (isBefore(release.on, t.original.effectiveFrom))
    waiting.push({ what: `deliberation ${t.original.number}`, effectiveFrom: t.original.effectiveFrom });
  const later = (index: number, what: string) => {
    const amendment = ctx.states[index]?.amendment;
    if (index > 0 && amendment) waiting.push({ what, effectiveFrom: amendment.effectiveFrom, amendment: amendment.sequence });
  };
  later(ctx.datasetAt, `dataset "${release.dataset}"`);
  later(ctx.recipientAt, `recipient "${release.recipient}"`);
  const variables = release.variables.filter((_, i) => ctx.variablesAt[i] > 0 && ctx.variablesAt[i] !== ctx.datasetAt);
  for (const [i, raw] of release.variables.entries())
    if (variables.includes(raw)) later(ctx.variablesAt[i], `variable ${raw}`);
  if (waiting.length === 0) return undefined;
  const effectiveFrom = waiting.map((w) => w.effectiveFrom).sort().at(-1)!;
  return {
    code: 'NOT_YET_IN_FORCE',
    message: `Not in force on ${release.on}: ${waiting.map((w) => `${w.what} takes effect on ${w.effectiveFrom}`).join('; ')}.`,
    clause: joinClauses(waiting.map((w) => (w.amendment ? `amendment ${w.amendment}` : 'effectiveFrom'))),
    details: { on: release.on, effectiveFrom, pending: waiting, ...(variables.length ? { variables } : {}) },
  };
}

function revoked(ctx: Context): Reason | undefined {
  const r = ctx.t.revocation;
  if (!r || !isRevokedOn(ctx.t, ctx.release.on)) return undefined;
  return {
    code: 'REVOKED',
    message: `Deliberation ${ctx.t.original.number} was revoked with effect from ${r.effectiveFrom}: ${r.reason}`,
    clause: `revocation of ${r.decidedOn}`,
    details: { decidedOn: r.decidedOn, effectiveFrom: r.effectiveFrom, reason: r.reason },
  };
}

function retentionEnded(ctx: Context): Reason | undefined {
  const dataset = datasetOf(ctx);
  const retention = current(ctx).retention;
  if (!dataset?.personalData || !retention || !isAfter(ctx.release.on, retention.destroyBy)) return undefined;
  return {
    code: 'RETENTION_ENDED',
    message: `Personal data of dataset "${dataset.id}" may be kept only until ${retention.destroyBy}; ${ctx.release.on} is after that.`,
    clause: retention.clause ?? null,
    details: { destroyBy: retention.destroyBy, on: ctx.release.on },
  };
}

function datasetNotAuthorised(ctx: Context): Reason | undefined {
  if (ctx.datasetAt >= 0) return undefined;
  const { dataset } = ctx.release;
  // The latest removal in force (amendments are in effect order): a dataset may be removed, re-added and removed again.
  const remover = ctx.t.amendments.findLast(
    (a) => !isAfter(a.effectiveFrom, ctx.release.on) && a.changes.some((c) => c.op === 'removeDataset' && c.datasetId === dataset),
  );
  return {
    code: 'DATASET_NOT_AUTHORISED',
    message: remover
      ? `Dataset "${dataset}" was removed by amendment ${remover.sequence} (in force from ${remover.effectiveFrom}).`
      : `Deliberation ${ctx.t.original.number} authorises no dataset "${dataset}"; it authorises ${current(ctx).datasets.map((d) => `"${d.id}"`).join(', ') || 'none'}.`,
    clause: remover ? `amendment ${remover.sequence}` : null,
    details: { dataset, authorised: current(ctx).datasets.map((d) => d.id), ...(remover ? { removedBy: remover.sequence } : {}) },
  };
}

function recipientNotAuthorised(ctx: Context): Reason | undefined {
  if (ctx.recipientAt >= 0) return undefined;
  const { recipient } = ctx.release;
  const party = current(ctx).parties.find((p) => p.id === recipient);
  return {
    code: 'RECIPIENT_NOT_AUTHORISED',
    message: party
      ? `"${recipient}" is a party (${party.roles.join(', ')}) but not a recipient under deliberation ${ctx.t.original.number}.`
      : `"${recipient}" is not a recipient under deliberation ${ctx.t.original.number} on ${ctx.release.on}.`,
    clause: null,
    details: { recipient, recipients: current(ctx).parties.filter((p) => p.roles.includes('recipient')).map((p) => p.id) },
  };
}

function accessModeNotAllowed(ctx: Context): Reason | undefined {
  const dataset = datasetOf(ctx);
  if (!dataset || dataset.access === ctx.release.access) return undefined;
  return {
    code: 'ACCESS_MODE_NOT_ALLOWED',
    message: `Dataset "${dataset.id}" is available only by ${dataset.access}, not by ${ctx.release.access}.`,
    clause: clauseCitedIn(dataset.description),
    details: { requested: ctx.release.access, allowed: dataset.access },
  };
}

function variableNotAuthorised(ctx: Context): Reason | undefined {
  const dataset = datasetOf(ctx);
  if (!dataset) return undefined;
  const variables = ctx.release.variables.filter((_, i) => ctx.variablesAt[i] < 0);
  if (variables.length === 0) return undefined;
  const doc = ctx.states[ctx.datasetAt].doc;
  const tables = tablesFor(doc, dataset, ctx.release.table);
  const tableNote =
    ctx.release.table !== undefined && tables.length === 0 ? ` Dataset "${dataset.id}" has no table "${ctx.release.table}".` : '';
  return {
    code: 'VARIABLE_NOT_AUTHORISED',
    message: `Not authorised for dataset "${dataset.id}"${ctx.release.table ? ` (table "${ctx.release.table}")` : ''}: ${variables.join(', ')}.${tableNote}`,
    clause: joinClauses(tables.map((t) => clauseCitedIn(t.description))),
    details: { variables, tables: tables.map((t) => t.id), ...unknownCodes(ctx, variables) },
  };
}

/** SPEC "Unknown names": codes the catalogue never had (in the decision or any amendment), so a typo shows as one. */
function unknownCodes(ctx: Context, variables: string[]): { unknown?: string[] } {
  const ever = new Set(ctx.t.original.variables.map((v) => v.code));
  for (const amendment of ctx.t.amendments)
    for (const change of amendment.changes) if (change.op === 'addVariables') for (const v of change.variables) ever.add(v.code);
  const unknown = variables.filter((raw) => !ever.has(parseVariableReference(raw)?.code ?? raw));
  return unknown.length > 0 ? { unknown } : {};
}

function referenceYearNotAuthorised(ctx: Context): Reason | undefined {
  const allowed = current(ctx).referenceYears;
  const years = ctx.release.referenceYears.filter((y) => !allowed.includes(y));
  if (years.length === 0) return undefined;
  return {
    code: 'REFERENCE_YEAR_NOT_AUTHORISED',
    message: `Reference years ${years.join(', ')} are outside the authorised years ${allowed.join(', ')}.`,
    clause: clauseCitedIn(current(ctx).population),
    details: { years, authorised: allowed },
  };
}

function subjectLimitExceeded(ctx: Context): Reason | undefined {
  const dataset = datasetOf(ctx);
  const { subjects } = ctx.release;
  if (!dataset || dataset.maxSubjects === undefined || subjects === undefined || subjects <= dataset.maxSubjects) return undefined;
  return {
    code: 'SUBJECT_LIMIT_EXCEEDED',
    message: `Dataset "${dataset.id}" covers at most ${dataset.maxSubjects} persons; ${subjects} asked.`,
    clause: clauseCitedIn(dataset.description),
    details: { subjects, maxSubjects: dataset.maxSubjects },
  };
}

function commitmentMissing(ctx: Context): Reason | undefined {
  const doc = current(ctx);
  const onFile = commitmentsSignedBy(ctx.t, ctx.release.on);
  const owed = (doc.requiredCommitments ?? []).flatMap((rule) =>
    partiesOwing(rule.from, doc, ctx.release.recipient).map((party) => ({ party, kind: rule.kind, clause: rule.clause })),
  );
  // One entry per (party, kind), even when two rules owe the same commitment from the same party.
  const missing = owed.filter(
    (o, i) => !onFile.some((c) => c.party === o.party && c.kind === o.kind) && owed.findIndex((x) => x.party === o.party && x.kind === o.kind) === i,
  );
  if (missing.length === 0) return undefined;
  return {
    code: 'COMMITMENT_MISSING',
    message: `Commitments not on file by ${ctx.release.on}: ${missing.map((m) => `${m.kind} from ${m.party}`).join(', ')}.`,
    clause: joinClauses(missing.map((m) => m.clause)),
    details: { missing: missing.map(({ party, kind }) => ({ party, kind })) },
  };
}

/** `each-joint-controller`: every joint controller; `each-recipient`: the release's recipient; else one party id. */
function partiesOwing(from: string, doc: DeliberationDocument, recipient: string): string[] {
  if (from === 'each-joint-controller') return doc.parties.filter((p) => p.roles.includes('joint-controller')).map((p) => p.id);
  if (from === 'each-recipient') return [recipient];
  return [from];
}

/** Every authorisation rule, in the order of SPEC's table; each gives a reason when it fails. */
const RULES: ((ctx: Context) => Reason | undefined)[] = [
  notYetInForce,
  revoked,
  retentionEnded,
  datasetNotAuthorised,
  recipientNotAuthorised,
  accessModeNotAllowed,
  variableNotAuthorised,
  referenceYearNotAuthorised,
  subjectLimitExceeded,
  commitmentMissing,
];
