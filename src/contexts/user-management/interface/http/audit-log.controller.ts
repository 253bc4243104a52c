import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '@libs/platform';
import { ListAuditEntriesHandler } from '../../application/list-audit-entries/list-audit-entries.handler.js';
import { AuditPageResponse } from './dto/audit-entry.response.js';
import { AuditQuery } from './dto/page.query.js';

@ApiTags('user-management')
@AdminOnly()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: ListAuditEntriesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Security events, newest first (admin)' })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() query: AuditQuery): Promise<AuditPageResponse> {
    const page = await this.audit.execute({
      action: query.action,
      subjectId: query.subjectId,
      limit: query.limit,
      cursor: query.cursor,
    });
    return AuditPageResponse.of(page);
  }
}
