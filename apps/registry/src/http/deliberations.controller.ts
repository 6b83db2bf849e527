import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  amendmentDocumentSchema,
  brusselsDate,
  commitmentSchema,
  deliberationDocumentSchema,
  outputReleaseSchema,
  revocationSchema,
} from '@registry/domain';
import { AmendDeliberation, RecordCommitment, RecordDeliberation, RecordOutputRelease, RevokeDeliberation, RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Roles, type AuthenticatedRequest } from './auth.js';
import { deliberationIdParam, etag, parseAsOf, parseQuery } from './params.js';
import { deliberationListQuery, eventsQuery, outputReleasesQuery } from './queries.js';
import { commandContext } from './request-context.js';
import { parse } from './validation.js';

type Written = { id: string; version: number };

@Controller('deliberations')
export class DeliberationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
  ) {}

  @Post()
  @Roles('secretariat')
  async record(@Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const written: Written = await this.commands.execute(new RecordDeliberation(parse(deliberationDocumentSchema, body), commandContext(req)));
    res.setHeader('etag', etag(written.version)).setHeader('location', `/deliberations/${written.id}`);
    return written;
  }

  @Get()
  async list(@Query() query: unknown) {
    return this.runtime.deliberations.list(parseQuery(deliberationListQuery, query));
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
  async amend(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new AmendDeliberation(deliberationIdParam(id), parse(amendmentDocumentSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Post(':id/revocation')
  @Roles('secretariat')
  async revoke(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new RevokeDeliberation(deliberationIdParam(id), parse(revocationSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Post(':id/commitments')
  @Roles('secretariat')
  async commit(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const command = new RecordCommitment(deliberationIdParam(id), parse(commitmentSchema, body), commandContext(req, { honourIfMatch: true }));
    return this.written(await this.commands.execute(command), res);
  }

  @Get(':id/events')
  async events(@Param('id') id: string, @Query() query: unknown) {
    const deliberation = deliberationIdParam(id);
    return this.runtime.deliberations.events(deliberation, parseQuery(eventsQuery, query));
  }

  @Post(':id/output-releases')
  @Roles('steward')
  async releaseOutput(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordOutputRelease(deliberationIdParam(id), parse(outputReleaseSchema, body), commandContext(req)));
  }

  @Get(':id/output-releases')
  async outputReleases(@Param('id') id: string, @Query() query: unknown) {
    const deliberation = deliberationIdParam(id);
    const { knownAt, ...page } = parseQuery(outputReleasesQuery, query);
    return { ...(await this.runtime.outputReleases.list(deliberation, { ...page, knownAt })), ...(knownAt ? { knownAt } : {}) };
  }

  private written(written: Written, res: Response) {
    res.setHeader('etag', etag(written.version));
    return written;
  }
}
