import { ApiProperty } from '@nestjs/swagger';
import type { StoredProjectObject } from '../../../application/put-project-object/put-project-object.command.js';

export class ProjectObjectResponse {
  @ApiProperty({ example: 'runs/42/model.onnx' }) readonly key!: string;
  @ApiProperty({
    example: 'objects:///project-objects/0195f1c4-2b3c-7d4e-8f5a-6b7c8d9e0f1a/runs/42/model.onnx',
    description: 'What a model.register-version task takes as its artifactUri',
  })
  readonly uri!: string;
  @ApiProperty() readonly sizeBytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) readonly sha256!: string;
  @ApiProperty() readonly contentType!: string;

  static of(stored: StoredProjectObject): ProjectObjectResponse {
    const { key, uri, sizeBytes, sha256, contentType } = stored;
    return { key, uri, sizeBytes, sha256, contentType };
  }
}
