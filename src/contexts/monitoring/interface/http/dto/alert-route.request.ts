import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsOptional, IsString, MaxLength } from 'class-validator';

const MATCHERS_DESCRIPTION =
  'Label matchers `{ name, op: "=" | "!=" | "=~" | "!~", value }` (regular expressions are RE2, fully anchored), all of which must hold';
const RECEIVERS_DESCRIPTION =
  "`{ type: 'webhook', webhookId }` (one of the project's webhooks: signed, retried), " +
  "`{ type: 'email', to: [addresses] }` (SMTP) or `{ type: 'slack', url }` (a Slack-compatible incoming webhook)";
/** The shape of a matcher, for the OpenAPI document; the domain checks each one and names the bad field. */
class MatcherSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['=', '!=', '=~', '!~'] }) op!: string;
  @ApiProperty() value!: string;
}

export class CreateAlertRouteRequest {
  @ApiProperty({ example: 'on-call' }) @IsString() @MaxLength(200) name!: string;

  @ApiPropertyOptional({ type: [MatcherSchema], description: MATCHERS_DESCRIPTION })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  matchers?: unknown[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: RECEIVERS_DESCRIPTION,
  })
  @IsArray()
  @ArrayMaxSize(10)
  receivers!: unknown[];

  @ApiPropertyOptional({ type: [String], example: ['alertname'], description: 'Labels whose values make a group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  groupBy?: string[];

  @ApiPropertyOptional({ example: '30s', description: 'Wait before the first notification of a new group' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  groupWait?: string;

  @ApiPropertyOptional({ example: '5m', description: 'Wait after a notification before telling a change' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  groupInterval?: string;

  @ApiPropertyOptional({ example: '4h', description: 'Wait before telling an unchanged firing group again' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  repeatInterval?: string;
}

export class CreateSilenceRequest {
  @ApiProperty({ type: [MatcherSchema], description: MATCHERS_DESCRIPTION })
  @IsArray()
  @ArrayMaxSize(20)
  matchers!: unknown[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Now when absent' })
  @IsOptional()
  @IsDateString()
  startsAt?: string;

  @ApiProperty({ format: 'date-time' }) @IsDateString() endsAt!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}
