import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** The log's hash-chain verification and the global event feed. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
