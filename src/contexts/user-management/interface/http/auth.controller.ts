import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblem, ApiProblems, Public } from '@libs/platform';
import { ListSessionsHandler } from '../../application/list-sessions/list-sessions.handler.js';
import { LogInHandler } from '../../application/log-in/log-in.handler.js';
import { LogOutHandler } from '../../application/log-out/log-out.handler.js';
import { RefreshSessionHandler } from '../../application/refresh-session/refresh-session.handler.js';
import { RegisterUserHandler } from '../../application/register-user/register-user.handler.js';
import { LogOutEverywhereHandler } from '../../application/log-out-everywhere/log-out-everywhere.handler.js';
import { RevokeSessionHandler } from '../../application/revoke-session/revoke-session.handler.js';
import { CurrentPrincipal, type Principal } from '../../contracts/principal.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { clientDevice, clientIp } from './client.js';
import { LogInRequest, RefreshRequest } from './dto/credentials.request.js';
import { SessionResponse, SessionTokensResponse } from './dto/session.response.js';
import { RegisterUserRequest, UserResponse } from './dto/user.dto.js';

@ApiTags('user-management')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logIn: LogInHandler,
    private readonly refreshSession: RefreshSessionHandler,
    private readonly logOut: LogOutHandler,
    private readonly listSessions: ListSessionsHandler,
    private readonly revokeSession: RevokeSessionHandler,
    private readonly logOutEverywhere: LogOutEverywhereHandler,
    private readonly register: RegisterUserHandler,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; starts a session' })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiProblem(401, 'Wrong email or password, or the account is disabled')
  @ApiProblem(429, 'Too many failures for this account or address; see Retry-After')
  @ApiProblems(503)
  async login(@Body() body: LogInRequest, @Req() request: FastifyRequest): Promise<SessionTokensResponse> {
    const tokens = await this.logIn.execute({
      email: body.email,
      password: body.password,
      ip: clientIp(request),
      device: clientDevice(request),
    });
    return SessionTokensResponse.of(tokens);
  }

  @Post('refresh')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new access token and refresh token' })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiProblem(401, 'The refresh token is unknown, expired or was used before (which ends its whole family)')
  @ApiProblem(429, 'Too many attempts from this address; see Retry-After')
  @ApiProblems(503)
  async refresh(@Body() body: RefreshRequest, @Req() request: FastifyRequest): Promise<SessionTokensResponse> {
    return SessionTokensResponse.of(
      await this.refreshSession.execute({ refreshToken: body.refreshToken, ip: clientIp(request) }),
    );
  }

  @Post('sign-up')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Create my own account, when self sign-up is switched on' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblem(403, 'Self sign-up is switched off')
  @ApiProblem(409, 'The email is taken')
  @ApiProblem(429, 'Too many attempts from this address; see Retry-After')
  @ApiProblems(503)
  async signUp(@Body() body: RegisterUserRequest, @Req() request: FastifyRequest): Promise<UserResponse> {
    return UserResponse.of(await this.register.execute({ ...body, invitedBy: null, ip: clientIp(request) }));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this access token' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await this.logOut.execute({ userId: principal.userId, sessionId: principal.sessionId, ip: clientIp(request) });
  }

  @Get('sessions')
  @ApiOperation({ summary: 'My live sessions, newest first' })
  @ApiOkResponse({ type: [SessionResponse] })
  async sessions(@CurrentPrincipal() principal: Principal): Promise<SessionResponse[]> {
    const sessions = await this.listSessions.execute({
      userId: principal.userId,
      currentSessionId: principal.sessionId,
    });
    return sessions.map((session) => SessionResponse.of(session));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions' })
  @ApiNoContentResponse({ description: 'The session ended' })
  @ApiProblem(404, 'No such session of mine')
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.revokeSession.execute({ userId: principal.userId, sessionId: id, ip: clientIp(request) });
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out everywhere: end all my sessions' })
  @ApiNoContentResponse({ description: 'Every session ended' })
  async revokeAll(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await this.logOutEverywhere.execute({ userId: principal.userId, ip: clientIp(request) });
  }
}
