import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem, ApiProblems, Public } from '@libs/platform';
import { LogInHandler } from '../../application/log-in/log-in.handler.js';
import { LogOutHandler } from '../../application/log-out/log-out.handler.js';
import { RefreshSessionHandler } from '../../application/refresh-session/refresh-session.handler.js';
import { CurrentPrincipal, type Principal } from '../../contracts/principal.js';
import { Unauthenticated } from '../../domain/errors.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { clientDevice, clientIp } from './client.js';
import { LogInRequest } from './dto/credentials.request.js';
import { BrowserSessionResponse } from './dto/browser-session.response.js';
import { dropRefreshCookie, keepRefreshCookie, refreshCookieOf } from './refresh-cookie.js';

/**
 * The login of a browser app such as the console: the same sessions as `/auth/login`, with the
 * refresh token kept in an HttpOnly cookie so that a reload keeps the session while no script ever
 * holds the token. The access token stays in the page's memory.
 */
@ApiTags('user-management')
@Controller('auth/browser')
export class BrowserSessionController {
  constructor(
    private readonly logIn: LogInHandler,
    private readonly refreshSession: RefreshSessionHandler,
    private readonly logOut: LogOutHandler,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in from a browser: the refresh token goes into an HttpOnly cookie' })
  @ApiOkResponse({ type: BrowserSessionResponse })
  @ApiProblem(401, 'Wrong email or password, or the account is disabled')
  @ApiProblem(429, 'Too many failures for this account or address; see Retry-After')
  @ApiProblems(503)
  async login(
    @Body() body: LogInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionResponse> {
    const tokens = await this.logIn.execute({
      email: body.email,
      password: body.password,
      ip: clientIp(request),
      device: clientDevice(request),
    });
    keepRefreshCookie(request, reply, tokens.refreshToken);
    return BrowserSessionResponse.of(tokens);
  }

  @Post('refresh')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: "Spend the browser's refresh cookie for a new access token (and a new cookie)" })
  @ApiOkResponse({ type: BrowserSessionResponse })
  @ApiProblem(401, 'No refresh cookie, or it is unknown, expired or was used before (which ends its session)')
  @ApiProblem(429, 'Too many attempts from this address; see Retry-After')
  @ApiProblems(503)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionResponse> {
    const refreshToken = refreshCookieOf(request);
    if (refreshToken === undefined) throw new Unauthenticated('No browser session here: log in');
    const tokens = await this.refreshSession.execute({ refreshToken, ip: clientIp(request) });
    keepRefreshCookie(request, reply, tokens.refreshToken);
    return BrowserSessionResponse.of(tokens);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "End the session of this access token and drop the browser's refresh cookie" })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.logOut.execute({ userId: principal.userId, sessionId: principal.sessionId, ip: clientIp(request) });
    dropRefreshCookie(request, reply);
  }
}
