import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { UpdateRegistrySettingsHandler } from '../../application/update-registry-settings/update-registry-settings.handler.js';
import { RegistrySettingsRequest, RegistrySettingsResponse } from './dto/review.request.js';

@ApiTags('model-registry')
@Controller('projects/:projectId/model-registry-settings')
export class RegistrySettingsController {
  constructor(private readonly settings: UpdateRegistrySettingsHandler) {}

  @Get()
  @RequirePermission('model:read')
  @ApiOperation({ summary: "The project's model registry settings: whether four eyes are required" })
  @ApiOkResponse({ type: RegistrySettingsResponse })
  async read(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<RegistrySettingsResponse> {
    const { selfApprovalAllowed } = await this.settings.read(projectId);
    return { projectId, selfApprovalAllowed };
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
    const { selfApprovalAllowed } = await this.settings.execute(projectId, body.selfApprovalAllowed, principal.userId);
    return { projectId, selfApprovalAllowed };
  }
}
