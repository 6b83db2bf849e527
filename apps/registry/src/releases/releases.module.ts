import { Module } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { DataSource } from 'typeorm';
import { EventSourcedRepository } from '../core/event-sourced-repository.js';
import { EVENT_STORE } from '../core/tokens.js';
import { DeliberationService } from '../deliberations/deliberation.service.js';
import { DeliberationsModule } from '../deliberations/deliberations.module.js';
import { DeliveryService } from './delivery.service.js';
import { OutputReleaseService } from './output-release.service.js';
import { OutputReleasesController } from './output-releases.controller.js';
import { ReleasesController } from './releases.controller.js';
import { releaseCommandHandlers } from './commands.js';

/** Authorisation checks, deliveries, destruction certificates and output releases. */
@Module({
  imports: [DeliberationsModule],
  controllers: [ReleasesController, OutputReleasesController],
  providers: [
    {
      provide: DeliveryService,
      useFactory: (repository: EventSourcedRepository, deliberations: DeliberationService, store: EventStore, db: DataSource) =>
        new DeliveryService(repository, deliberations, store, db),
      inject: [EventSourcedRepository, DeliberationService, EVENT_STORE, DataSource],
    },
    {
      provide: OutputReleaseService,
      useFactory: (repository: EventSourcedRepository, deliberations: DeliberationService, db: DataSource) =>
        new OutputReleaseService(repository, deliberations, db),
      inject: [EventSourcedRepository, DeliberationService, DataSource],
    },
    ...releaseCommandHandlers,
  ],
  exports: [DeliveryService, OutputReleaseService],
})
export class ReleasesModule {}
