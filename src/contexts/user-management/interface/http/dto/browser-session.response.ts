import { ApiProperty } from '@nestjs/swagger';
import type { SessionTokens } from '../../../application/services/session-tokens.js';

/** A browser session's answer: the refresh token went into an HttpOnly cookie, not into the body. */
export class BrowserSessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';

  static of(tokens: SessionTokens): BrowserSessionResponse {
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, tokenType: 'Bearer' };
  }
}
