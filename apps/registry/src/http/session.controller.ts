import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './auth.js';

/** Who the key (or token) belongs to and its role, so a client can show only what that role may do. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('session')
export class SessionController {
  @Get()
  session(@Req() req: AuthenticatedRequest) {
    return { actor: req.caller?.actor, role: req.caller?.role };
  }
}
