import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminOnly, ApiProblem, PageQuery } from '@libs/platform';
import { ChangeEmailHandler } from '../../application/change-email/change-email.handler.js';
import { ChangePasswordHandler } from '../../application/change-password/change-password.handler.js';
import { CreateServiceAccountHandler } from '../../application/create-service-account/create-service-account.handler.js';
import { DisableUserHandler } from '../../application/disable-user/disable-user.handler.js';
import { EnableUserHandler } from '../../application/enable-user/enable-user.handler.js';
import { GetUserHandler } from '../../application/get-user/get-user.handler.js';
import { ListUsersHandler } from '../../application/list-users/list-users.handler.js';
import { RegisterUserHandler } from '../../application/register-user/register-user.handler.js';
import { UpdateProfileHandler } from '../../application/update-profile/update-profile.handler.js';
import { CurrentPrincipal, type Principal } from '../../contracts/principal.js';
import { clientIp } from './client.js';
import { ChangeEmailRequest, ChangePasswordRequest } from './dto/credentials.request.js';
import {
  CreateServiceAccountRequest,
  RegisterUserRequest,
  UpdateProfileRequest,
  UserPageResponse,
  UserResponse,
} from './dto/user.dto.js';

@ApiTags('user-management')
@Controller()
export class UsersController {
  constructor(
    private readonly register: RegisterUserHandler,
    private readonly listing: ListUsersHandler,
    private readonly reading: GetUserHandler,
    private readonly profile: UpdateProfileHandler,
    private readonly password: ChangePasswordHandler,
    private readonly email: ChangeEmailHandler,
    private readonly disabling: DisableUserHandler,
    private readonly enabling: EnableUserHandler,
    private readonly serviceAccounts: CreateServiceAccountHandler,
  ) {}

  @Post('users')
  @AdminOnly()
  @ApiOperation({ summary: 'Invite a user (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblem(409, 'The email is taken')
  async invite(
    @CurrentPrincipal() admin: Principal,
    @Body() body: RegisterUserRequest,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.register.execute({ ...body, invitedBy: admin.userId, ip: clientIp(request) }));
  }

  @Get('users')
  @AdminOnly()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiOkResponse({ type: UserPageResponse })
  async list(@Query() query: PageQuery): Promise<UserPageResponse> {
    return UserPageResponse.of(await this.listing.execute({ limit: query.limit, cursor: query.cursor }));
  }

  @Get('users/me')
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserResponse> {
    return UserResponse.of(await this.reading.execute({ userId: principal.userId }));
  }

  @Patch('users/me')
  @ApiOperation({ summary: 'Change my display name' })
  @ApiOkResponse({ type: UserResponse })
  async updateMe(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateProfileRequest,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    const user = await this.profile.execute({
      userId: principal.userId,
      displayName: body.displayName,
      ip: clientIp(request),
    });
    return UserResponse.of(user);
  }

  @Put('users/me/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password; my other sessions end' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblem(401, 'No valid access token, or the current password is wrong')
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.password.execute({
      ...body,
      userId: principal.userId,
      sessionId: principal.sessionId,
      ip: clientIp(request),
    });
  }

  @Put('users/me/email')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my email' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblem(409, 'The email is taken')
  async changeEmail(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangeEmailRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.email.execute({ ...body, userId: principal.userId, ip: clientIp(request) });
  }

  @Post('users/:id/disable')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user (admin); all their sessions end at once' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'No such user')
  async disable(
    @CurrentPrincipal() admin: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.disabling.execute({ actorId: admin.userId, userId: id, ip: clientIp(request) }));
  }

  @Post('users/:id/enable')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user (admin)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblem(404, 'No such user')
  async enable(
    @CurrentPrincipal() admin: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.enabling.execute({ actorId: admin.userId, userId: id, ip: clientIp(request) }));
  }

  @Post('service-accounts')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a service account (admin); it authenticates with API keys only' })
  @ApiCreatedResponse({ type: UserResponse })
  async createServiceAccount(
    @CurrentPrincipal() admin: Principal,
    @Body() body: CreateServiceAccountRequest,
    @Req() request: FastifyRequest,
  ): Promise<UserResponse> {
    const account = await this.serviceAccounts.execute({
      actorId: admin.userId,
      displayName: body.displayName,
      ip: clientIp(request),
    });
    return UserResponse.of(account);
  }
}
