import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { deliberationNumber, deliveryRequestSchema, destructionSchema, identifier, releaseSchema } from '../../../../libs/domain/src/index.js';
import { RecordDelivery, RecordDestruction, RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Roles, type AuthenticatedRequest } from './auth.js';
import { jsonSchema } from './openapi.js';
import { parseQuery, uuidParam } from './params.js';
import { commandContext } from './request-context.js';
import { parse } from './validation.js';

const ledgerQuery = z.strictObject({
  recipient: identifier.optional(),
  deliberation: z.string().transform((v) => v.replace('-', '/')).pipe(deliberationNumber).optional(),
});

@ApiTags('releases')
@ApiBearerAuth()
@Controller()
export class ReleasesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
  ) {}

  /** Any role may ask; the answer names the deliberation and every failing rule. */
  @Post('authorisation-checks')
  @HttpCode(200)
  @ApiBody({ schema: jsonSchema(releaseSchema) })
  async check(@Body() body: unknown) {
    return this.runtime.deliberations.check(parse(releaseSchema, body));
  }

  @Post('deliveries')
  @Roles('steward')
  @ApiBody({ schema: jsonSchema(deliveryRequestSchema) })
  async deliver(@Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordDelivery(parse(deliveryRequestSchema, body), commandContext(req)));
  }

  @Get('deliveries')
  async ledger(@Query() query: unknown) {
    return { items: await this.runtime.deliveries.list(parseQuery(ledgerQuery, query)) };
  }

  @Get('deliveries/:id')
  async delivery(@Param('id') id: string) {
    return this.runtime.deliveries.get(uuidParam(id));
  }

  @Post('deliveries/:id/destruction')
  @Roles('steward')
  @ApiBody({ schema: jsonSchema(destructionSchema) })
  async destroy(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const deliveryId = uuidParam(id);
    return this.commands.execute(new RecordDestruction(deliveryId, parse(destructionSchema, body), commandContext(req)));
  }
}
