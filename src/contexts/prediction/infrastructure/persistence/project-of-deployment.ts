import { Injectable } from '@nestjs/common';
import { AmbientTransaction, projectOfRow } from '@libs/platform';
import { ProjectOfDeployment } from '../../application/ports/project-of-deployment.js';
import { DeploymentOrmEntity } from './deployment.orm-entity.js';

@Injectable()
export class TypeOrmProjectOfDeployment extends ProjectOfDeployment {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(deploymentId: string): Promise<string | undefined> {
    return projectOfRow(this.scope, DeploymentOrmEntity, deploymentId);
  }
}
