import { Module } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { DataSource } from 'typeorm';
import { EventSourcedRepository } from '../core/event-sourced-repository.js';
import { EVENT_STORE } from '../core/tokens.js';
import { DeliberationService } from './deliberation.service.js';
import { DeliberationsController } from './deliberations.controller.js';
import { deliberationCommandHandlers } from './commands.js';

/** Record, amend, revoke, commit and read deliberations. */
@Module({
  controllers: [DeliberationsController],
  providers: [
    {
      provide: DeliberationService,
      useFactory: (repository: EventSourcedRepository, store: EventStore, db: DataSource) => new DeliberationService(repository, store, db),
      inject: [EventSourcedRepository, EVENT_STORE, DataSource],
    },
    ...deliberationCommandHandlers,
  ],
  exports: [DeliberationService],
})
export class DeliberationsModule {}
