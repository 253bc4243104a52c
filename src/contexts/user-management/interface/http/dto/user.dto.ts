import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { User } from '../../../domain/users/user.js';
import type { UserPage } from '../../../domain/users/user.repository.js';

export class RegisterUserRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 128, example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @MaxLength(100)
  displayName!: string;
}

export class UpdateProfileRequest {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @MaxLength(100)
  displayName!: string;
}

export class CreateServiceAccountRequest {
  @ApiProperty({ example: 'nightly-retraining' })
  @IsString()
  @MaxLength(100)
  displayName!: string;
}

/** An account as its owner or an admin sees it: never a password hash. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['person', 'service'] }) kind!: 'person' | 'service';
  @ApiPropertyOptional({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty() isAdmin!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(user: User): UserResponse {
    return {
      id: user.id,
      kind: user.kind,
      email: user.email?.value ?? null,
      displayName: user.displayName,
      status: user.status,
      isAdmin: user.isAdmin,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: UserPage): UserPageResponse {
    return { items: page.items.map((user) => UserResponse.of(user)), nextCursor: page.nextCursor };
  }
}
