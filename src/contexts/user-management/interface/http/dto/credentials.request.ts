import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

// Generous bounds that still stop a megabyte "password" from reaching the hasher.
const MAX_SECRET_INPUT = 1024;

export class LogInRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password', example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SECRET_INPUT)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({
    description: 'The refresh token of the last login or refresh; it is spent by this call',
    example: '0195f1c2-7c1e-7a3b-9d4e-5f6a7b8c9d0e.Qm9vdHN0cmFwIHRva2Vu',
  })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password', example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(MAX_SECRET_INPUT)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 128, example: 'a longer passphrase of mine' })
  @IsString()
  @MaxLength(MAX_SECRET_INPUT)
  newPassword!: string;
}

export class ChangeEmailRequest {
  @ApiProperty({ format: 'password', example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(MAX_SECRET_INPUT)
  currentPassword!: string;

  @ApiProperty({ example: 'ada@example.org' })
  @IsString()
  @MaxLength(254)
  newEmail!: string;
}
