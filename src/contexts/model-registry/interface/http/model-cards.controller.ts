import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetModelCardHandler } from '../../application/get-model-card/get-model-card.handler.js';
import { WriteModelCardHandler } from '../../application/write-model-card/write-model-card.handler.js';
import { ProjectOfModelVersion } from '../../application/ports/project-of-model.js';
import { ModelCardRequest, ModelCardResponse } from './dto/model-card.dto.js';
import { expectedVersion } from './if-match.js';

const ofVersion = { resource: { resolver: ProjectOfModelVersion } };

@ApiTags('model-registry')
@Controller('model-versions')
export class ModelCardsController {
  constructor(
    private readonly reading: GetModelCardHandler,
    private readonly writing: WriteModelCardHandler,
  ) {}

  @Get(':id/model-card')
  @RequirePermission('model:read', ofVersion)
  @ApiOperation({ summary: "The version's model card" })
  @ApiOkResponse({ type: ModelCardResponse })
  async read(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelCardResponse> {
    return ModelCardResponse.of(await this.reading.execute({ versionId: id }));
  }

  @Put(':id/model-card')
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({ summary: 'Write the model card as a draft, or with status final make it immutable' })
  @ApiOkResponse({ type: ModelCardResponse })
  @ApiProblem(409, 'The model card is final')
  @ApiProblem(412, 'The model card changed since the If-Match version')
  async write(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ModelCardRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModelCardResponse> {
    const { status, ...content } = body;
    const card = await this.writing.execute({
      versionId: id,
      content,
      finalize: status === 'final',
      expectedVersion: expectedVersion(ifMatch),
      actorId: principal.userId,
    });
    return ModelCardResponse.of(card);
  }
}
