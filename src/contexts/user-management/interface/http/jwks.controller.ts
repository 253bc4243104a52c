import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@libs/platform';
import { JsonWebKeySet } from '../../application/ports/json-web-key-set.js';

@ApiTags('user-management')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: JsonWebKeySet) {}

  @Get('jwks.json')
  // Verifiers may cache for a minute; one meeting an unknown kid fetches again (as PublicKeySet does).
  @Header('cache-control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys that verify access tokens (RFC 7517)' })
  @ApiOkResponse({
    description: 'A JSON Web Key Set',
    schema: {
      type: 'object',
      required: ['keys'],
      properties: { keys: { type: 'array', items: { type: 'object', additionalProperties: true } } },
    },
  })
  jwks(): Promise<{ keys: object[] }> {
    return this.keys.jwks();
  }
}
