import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { amendmentDocumentSchema, brusselsDate, commitmentSchema, deliberationDocumentSchema, revocationSchema } from '@registry/domain';
import { CommandBus } from '@nestjs/cqrs';
import { AmendDeliberation, RecordCommitment, RecordDeliberation, RevokeDeliberation, type Written } from './commands.js';
import { DeliberationService } from './deliberation.service.js';
import { Roles, type AuthenticatedRequest } from '../http/auth.js';
import { deliberationIdParam, etag, parseAsOf, parseQuery } from '../http/params.js';
import { deliberationListQuery, eventsQuery } from '../http/queries.js';
import { commandContext } from '../http/request-context.js';
import { parse } from '../http/validation.js';

@Controller('deliberations')
export class DeliberationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly deliberations: DeliberationService,
  ) {}

  @Post()
  @Roles('secretariat')
  async record(@Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const written: Written = await this.commands.execute(
      new RecordDeliberation(parse(deliberationDocumentSchema, body), commandContext(req)),
    );
    res.setHeader('etag', etag(written.version)).setHeader('location', `/deliberations/${written.id}`);
    return written;
  }

  @Get()
  async list(@Query() query: unknown) {
    return this.deliberations.list(parseQuery(deliberationListQuery, query));
  }

  @Get(':id')
  async get(@Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    const { on, knownAt } = parseAsOf(query);
    const view = await this.deliberations.view(deliberationIdParam(id), on ?? brusselsDate(), knownAt);
    res.setHeader('etag', etag(view.version));
    return view;
  }

  @Post(':id/amendments')
  @Roles('secretariat')
  async amend(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const written: Written = await this.commands.execute(
      new AmendDeliberation(deliberationIdParam(id), parse(amendmentDocumentSchema, body), commandContext(req, { honourIfMatch: true })),
    );
    return this.written(written, res);
  }

  @Post(':id/revocation')
  @Roles('secretariat')
  async revoke(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const written: Written = await this.commands.execute(
      new RevokeDeliberation(deliberationIdParam(id), parse(revocationSchema, body), commandContext(req, { honourIfMatch: true })),
    );
    return this.written(written, res);
  }

  @Post(':id/commitments')
  @Roles('secretariat')
  async commit(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const written: Written = await this.commands.execute(
      new RecordCommitment(deliberationIdParam(id), parse(commitmentSchema, body), commandContext(req, { honourIfMatch: true })),
    );
    return this.written(written, res);
  }

  @Get(':id/events')
  async events(@Param('id') id: string, @Query() query: unknown) {
    const deliberation = deliberationIdParam(id);
    return this.deliberations.events(deliberation, parseQuery(eventsQuery, query));
  }

  private written(written: Written, res: Response) {
    res.setHeader('etag', etag(written.version));
    return written;
  }
}
