import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiProblem, RedisConnections } from '@libs/platform';
import { DeadLetters } from '../consumer/dead-letters.js';
import { DeadLetterPageResponse } from './dead-letter.response.js';
import { ListDeadLettersQuery, STREAM_ENTRY_ID } from './dead-letter.dto.js';

/** Operators' view of events no consumer could handle, and the way to send them again. */
@ApiTags('platform')
@AdminOnly()
@Controller('admin/dead-letters')
export class DeadLettersController {
  private readonly deadLetters: DeadLetters;

  constructor(redis: RedisConnections) {
    this.deadLetters = new DeadLetters(redis.command);
  }

  @Get()
  @ApiOperation({ summary: 'List dead-lettered events, newest first' })
  @ApiOkResponse({ type: DeadLetterPageResponse })
  list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterPageResponse> {
    return this.deadLetters.list(query.limit, query.cursor);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver a dead letter again to the consumer group that failed it' })
  @ApiAcceptedResponse({ description: 'Sent to its consumer group again' })
  @ApiProblem(404, 'No such dead letter')
  async replay(@Param('id') id: string): Promise<void> {
    if (!STREAM_ENTRY_ID.test(id) || !(await this.deadLetters.replay(id)))
      throw new NotFoundException(`Dead letter ${id} was not found`);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a dead letter' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiProblem(404, 'No such dead letter')
  async discard(@Param('id') id: string): Promise<void> {
    if (!STREAM_ENTRY_ID.test(id) || !(await this.deadLetters.discard(id)))
      throw new NotFoundException(`Dead letter ${id} was not found`);
  }
}
