export { amendmentDocumentSchema, deliberationDocumentSchema, deliberationId, DomainError, releaseSchema } from '../../../../libs/domain/src/index.js';
export { canonicalJson as canonicalJsonOf } from '../../../../libs/event-store/src/hash.js';
