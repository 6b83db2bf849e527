import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { deliveryRequestSchema, destructionSchema, releaseSchema } from '@registry/domain';
import { DeliberationService } from '../deliberations/deliberation.service.js';
import { CommandBus } from '@nestjs/cqrs';
import { RecordDelivery, RecordDestruction } from './commands.js';
import { DeliveryService } from './delivery.service.js';
import { Roles, type AuthenticatedRequest } from '../http/auth.js';
import { deliveryListQuery } from '../http/queries.js';
import { parseQuery, uuidParam } from '../http/params.js';
import { commandContext } from '../http/request-context.js';
import { parse } from '../http/validation.js';

@Controller()
export class ReleasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly deliberations: DeliberationService,
    private readonly deliveries: DeliveryService,
  ) {}

  /** Any role may ask; the answer names the deliberation and every failing rule. */
  @Post('authorisation-checks')
  @HttpCode(200)
  async check(@Body() body: unknown) {
    return this.deliberations.check(parse(releaseSchema, body));
  }

  @Post('deliveries')
  @Roles('steward')
  async deliver(@Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordDelivery(parse(deliveryRequestSchema, body), commandContext(req)));
  }

  @Get('deliveries')
  async ledger(@Query() query: unknown) {
    const filter = parseQuery(deliveryListQuery, query);
    return { ...(await this.deliveries.list(filter)), ...(filter.knownAt ? { knownAt: filter.knownAt } : {}) };
  }

  @Get('deliveries/:id')
  async delivery(@Param('id') id: string) {
    return this.deliveries.get(uuidParam(id));
  }

  @Post('deliveries/:id/destruction')
  @Roles('steward')
  async destroy(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const deliveryId = uuidParam(id);
    return this.commands.execute(new RecordDestruction(deliveryId, parse(destructionSchema, body), commandContext(req)));
  }
}
