import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { outputReleaseSchema } from '@registry/domain';
import { Roles, type AuthenticatedRequest } from '../http/auth.js';
import { deliberationIdParam, parseQuery } from '../http/params.js';
import { outputReleasesQuery } from '../http/queries.js';
import { commandContext } from '../http/request-context.js';
import { parse } from '../http/validation.js';
import { CommandBus } from '@nestjs/cqrs';
import { RecordOutputRelease } from './commands.js';
import { OutputReleaseService } from './output-release.service.js';

/** Outputs released under a deliberation (results of the analysis leaving the secure environment). */
@Controller('deliberations')
export class OutputReleasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly releases: OutputReleaseService,
  ) {}

  @Post(':id/output-releases')
  @Roles('steward')
  async releaseOutput(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    return this.commands.execute(new RecordOutputRelease(deliberationIdParam(id), parse(outputReleaseSchema, body), commandContext(req)));
  }

  @Get(':id/output-releases')
  async outputReleases(@Param('id') id: string, @Query() query: unknown) {
    const deliberation = deliberationIdParam(id);
    const { knownAt, ...page } = parseQuery(outputReleasesQuery, query);
    return { ...(await this.releases.list(deliberation, { ...page, knownAt })), ...(knownAt ? { knownAt } : {}) };
  }
}
