import { Module } from '@nestjs/common';
import { OperationsController } from './operations.controller.js';

/** Health and readiness probes; the metrics (RegistryMetrics, from CoreModule) are served at /metrics by server.ts. */
@Module({ controllers: [OperationsController] })
export class OperationsModule {}
