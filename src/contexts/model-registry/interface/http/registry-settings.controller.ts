import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetRegistrySettingsHandler } from '../../application/get-registry-settings/get-registry-settings.handler.js';
import { UpdateRegistrySettingsHandler } from '../../application/update-registry-settings/update-registry-settings.handler.js';
import { RegistrySettingsRequest, RegistrySettingsResponse } from './dto/review.request.js';

@ApiTags('model-registry')
@Controller('projects/:projectId/model-registry-settings')
export class RegistrySettingsController {
  constructor(
    private readonly reading: GetRegistrySettingsHandler,
    private readonly updating: UpdateRegistrySettingsHandler,
  ) {}

  @Get()
  @RequirePermission('model:read')
  @ApiOperation({ summary: "The project's model registry settings: whether four eyes are required" })
  @ApiOkResponse({ type: RegistrySettingsResponse })
  async read(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<RegistrySettingsResponse> {
    return RegistrySettingsResponse.of(await this.reading.execute({ projectId }));
  }

  @Put()
  @RequirePermission('project:admin')
  @ApiOperation({ summary: "Relax (or restore) four eyes for the project's model approvals" })
  @ApiOkResponse({ type: RegistrySettingsResponse })
  async change(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: RegistrySettingsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrySettingsResponse> {
    const settings = await this.updating.execute({
      projectId,
      selfApprovalAllowed: body.selfApprovalAllowed,
      actorId: principal.userId,
    });
    return RegistrySettingsResponse.of(settings);
  }
}
