import { ApiProperty } from '@nestjs/swagger';
import type { SessionTokens } from '../../../application/services/session-tokens.js';
import type { SessionView } from '../../../application/list-sessions/list-sessions.query.js';

export class SessionTokensResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Opaque; rotates on every refresh, and a reused one ends the session' })
  refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';

  static of(tokens: SessionTokens): SessionTokensResponse {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      tokenType: 'Bearer',
    };
  }
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The User-Agent that logged in' }) device!: string;
  @ApiProperty() ip!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;

  static of(session: SessionView): SessionResponse {
    return {
      id: session.id,
      device: session.device,
      ip: session.ip,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.current,
    };
  }
}
