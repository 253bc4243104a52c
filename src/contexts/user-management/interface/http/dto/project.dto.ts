import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PROJECT_ROLES, type ProjectRole } from '../../../domain/access/permission.js';
import type { Project } from '../../../domain/projects/project.js';
import type { ProjectSummary } from '../../../domain/projects/project.repository.js';

export class CreateProjectRequest {
  @ApiProperty({ example: 'churn-prediction' })
  @IsString()
  @MaxLength(100)
  name!: string;
}

export class SetMemberRequest {
  @ApiProperty({ enum: PROJECT_ROLES, example: 'editor' })
  @IsIn(PROJECT_ROLES)
  role!: ProjectRole;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: PROJECT_ROLES }) role!: ProjectRole;
}

export class ProjectResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ enum: PROJECT_ROLES, description: "The caller's role" }) role?: ProjectRole;

  static of(project: ProjectSummary): ProjectResponse {
    return {
      id: project.id,
      name: project.name,
      createdAt: project.createdAt.toISOString(),
      ...(project.role && { role: project.role }),
    };
  }
}

/** A project with its members: ids and roles only, nothing else of other users. */
export class ProjectDetailResponse extends ProjectResponse {
  @ApiProperty({ type: [MemberResponse] }) members!: MemberResponse[];

  static detail(project: Project, callerId: string): ProjectDetailResponse {
    return {
      ...ProjectResponse.of({
        id: project.id,
        name: project.name,
        createdAt: project.createdAt,
        role: project.roleOf(callerId),
      }),
      members: project.memberList(),
    };
  }
}

export class ProjectPageResponse {
  @ApiProperty({ type: [ProjectResponse] }) items!: ProjectResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: { items: readonly ProjectSummary[]; nextCursor: string | null }): ProjectPageResponse {
    return { items: page.items.map((project) => ProjectResponse.of(project)), nextCursor: page.nextCursor };
  }
}
