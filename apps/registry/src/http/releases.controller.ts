import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { deliveryRequestSchema, destructionSchema, releaseSchema } from '@registry/domain';
import { RecordDelivery, RecordDestruction, RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Roles, type AuthenticatedRequest } from './auth.js';
import { deliveryListQuery } from './queries.js';
import { parseQuery, uuidParam } from './params.js';
import { commandContext } from './request-context.js';
import { parse } from './validation.js';

@Controller()
export class ReleasesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
  ) {}

  /** Any role may ask; the answer names the deliberation and every failing rule. */
  @Post('authorisation-checks')
  @HttpCode(200)
  async check(@Body() body: unknown) {
    return this.runtime.deliberations.check(parse(releaseSchema, body));
  }

  @Post('deliveries')
  @Roles('steward')
  async deliver(@Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordDelivery(parse(deliveryRequestSchema, body), commandContext(req)));
  }

  @Get('deliveries')
  async ledger(@Query() query: unknown) {
    const filter = parseQuery(deliveryListQuery, query);
    return { ...(await this.runtime.deliveries.list(filter)), ...(filter.knownAt ? { knownAt: filter.knownAt } : {}) };
  }

  @Get('deliveries/:id')
  async delivery(@Param('id') id: string) {
    return this.runtime.deliveries.get(uuidParam(id));
  }

  @Post('deliveries/:id/destruction')
  @Roles('steward')
  async destroy(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const deliveryId = uuidParam(id);
    return this.commands.execute(new RecordDestruction(deliveryId, parse(destructionSchema, body), commandContext(req)));
  }
}
