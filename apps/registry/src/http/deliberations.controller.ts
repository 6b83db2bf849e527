import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  amendmentDocumentSchema,
  brusselsDate,
  calendarDate,
  commitmentSchema,
  deliberationDocumentSchema,
  identifier,
  outputReleaseSchema,
  revocationSchema,
} from '../../../../libs/domain/src/index.js';
import { AmendDeliberation, RecordCommitment, RecordDeliberation, RecordOutputRelease, RevokeDeliberation, RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Roles, type AuthenticatedRequest } from './auth.js';
import { jsonSchema } from './openapi.js';
import { deliberationIdParam, etag, parseAsOf, parseQuery } from './params.js';
import { commandContext } from './request-context.js';
import { parse } from './validation.js';

const listQuery = z.strictObject({ recipient: identifier.optional(), inForceOn: calendarDate.optional() });
type Written = { id: string; version: number };

@ApiTags('deliberations')
@ApiBearerAuth()
@Controller('deliberations')
export class DeliberationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
  ) {}

  @Post()
  @Roles('secretariat')
  @ApiBody({ schema: jsonSchema(deliberationDocumentSchema) })
  async record(@Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const written: Written = await this.commands.execute(new RecordDeliberation(parse(deliberationDocumentSchema, body), commandContext(req)));
    res.setHeader('etag', etag(written.version)).setHeader('location', `/deliberations/${written.id}`);
    return written;
  }

  @Get()
  async list(@Query() query: unknown) {
    return { items: await this.runtime.deliberations.list(parseQuery(listQuery, query)) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    const { on, knownAt } = parseAsOf(query);
    const view = await this.runtime.deliberations.view(deliberationIdParam(id), on ?? brusselsDate(), knownAt);
    res.setHeader('etag', etag(view.version));
    return view;
  }

  @Post(':id/amendments')
  @Roles('secretariat')
  @ApiBody({ schema: jsonSchema(amendmentDocumentSchema) })
  async amend(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new AmendDeliberation(deliberationIdParam(id), parse(amendmentDocumentSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Post(':id/revocation')
  @Roles('secretariat')
  @ApiBody({ schema: jsonSchema(revocationSchema) })
  async revoke(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new RevokeDeliberation(deliberationIdParam(id), parse(revocationSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Post(':id/commitments')
  @Roles('secretariat')
  @ApiBody({ schema: jsonSchema(commitmentSchema) })
  async commit(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new RecordCommitment(deliberationIdParam(id), parse(commitmentSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Get(':id/events')
  async events(@Param('id') id: string) {
    return { items: await this.runtime.deliberations.events(deliberationIdParam(id)) };
  }

  @Post(':id/output-releases')
  @Roles('steward')
  @ApiBody({ schema: jsonSchema(outputReleaseSchema) })
  async releaseOutput(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordOutputRelease(deliberationIdParam(id), parse(outputReleaseSchema, body), commandContext(req)));
  }

  @Get(':id/output-releases')
  async outputReleases(@Param('id') id: string) {
    return { items: await this.runtime.outputReleases.list(deliberationIdParam(id)) };
  }

  private written(written: Written, res: Response) {
    res.setHeader('etag', etag(written.version));
    return written;
  }
}
