import { Controller, Get, HttpCode, Injectable, Module, Param, Post } from '@nestjs/common';
import { ProjectOfResource, RequirePermission } from '@contexts/user-management';

// A stand-in for another context's project resources, guarded exactly as a real context would guard them.
export const PROBE_ITEMS = new Map<string, string>();

@Injectable()
export class ProbeItemProjects extends ProjectOfResource {
  projectOf(itemId: string): Promise<string | undefined> {
    return Promise.resolve(PROBE_ITEMS.get(itemId));
  }
}

@Controller()
class ProbeItemsController {
  @Get('projects/:projectId/probe-items')
  @RequirePermission('workflow:read')
  list(@Param('projectId') projectId: string): { projectId: string; items: string[] } {
    return { projectId, items: [...PROBE_ITEMS].filter(([, project]) => project === projectId).map(([id]) => id) };
  }

  @Post('projects/:projectId/probe-items')
  @HttpCode(201)
  @RequirePermission('workflow:write')
  create(@Param('projectId') projectId: string): { id: string } {
    const id = crypto.randomUUID();
    PROBE_ITEMS.set(id, projectId);
    return { id };
  }

  @Get('probe-items/:id')
  @RequirePermission('workflow:read', { resource: { resolver: ProbeItemProjects } })
  get(@Param('id') id: string): { id: string; projectId: string } {
    return { id, projectId: PROBE_ITEMS.get(id)! };
  }

  @Post('probe-items/:id/approval')
  @HttpCode(200)
  @RequirePermission('workflow:approve', { resource: { resolver: ProbeItemProjects } })
  approve(@Param('id') id: string): { id: string; approved: true } {
    return { id, approved: true };
  }
}

@Module({ controllers: [ProbeItemsController], providers: [ProbeItemProjects] })
export class ProjectProbeModule {}
