import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { RegistrySettings } from '../../../domain/settings/registry-settings.js';
import { APPROVAL_DECISIONS, type ApprovalDecisionValue } from '../../../domain/version/model-version-status.js';

export class ReviewModelVersionRequest {
  @ApiProperty({ enum: APPROVAL_DECISIONS, example: APPROVAL_DECISIONS[0] })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecisionValue;
  // A decision needs no words (the domain keeps an empty comment): an absent one is empty, not an
  // error; null is still refused, being no string.
  @ApiPropertyOptional({ example: 'AUC and fairness checks pass', default: '', maxLength: 5000 })
  @ValidateIf((_request, comment) => comment !== undefined)
  @IsString()
  @MaxLength(5000)
  comment: string = '';
}

export class SageMakerLinkRequest {
  @ApiProperty({ example: 'churn-prod' }) @IsString() @MaxLength(63) endpointName!: string;
  @ApiProperty({ example: 'AllTraffic' }) @IsString() @MaxLength(63) variantName!: string;
  @ApiPropertyOptional({ example: 'eu-west-1' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,30}$/)
  region?: string;
}

export class RegistrySettingsRequest {
  @ApiProperty({ description: 'Let the registrant of a version approve it (relaxes four eyes)', example: false })
  @IsBoolean()
  selfApprovalAllowed!: boolean;
}

export class RegistrySettingsResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() selfApprovalAllowed!: boolean;

  /** Who changed the settings and when stays in the database. */
  static of(settings: RegistrySettings): RegistrySettingsResponse {
    return { projectId: settings.projectId, selfApprovalAllowed: settings.selfApprovalAllowed };
  }
}
