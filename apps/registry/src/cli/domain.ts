export { amendmentDocumentSchema, deliberationDocumentSchema, deliberationId, DomainError, releaseSchema } from '@registry/domain';
export { canonicalJson as canonicalJsonOf } from '@registry/event-store';
