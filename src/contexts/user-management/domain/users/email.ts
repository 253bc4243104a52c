import { ValidationError, ValueObject } from '@libs/ddd';

// Deliberately loose (RFC 5321 allows much more); the address is proven by use, not by a regex.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_LENGTH = 254;

/** An email address, compared case-insensitively: it is stored in its lower-case form. */
export class Email extends ValueObject<{ value: string }> {
  private constructor(value: string) {
    super({ value });
  }

  static of(raw: string): Email {
    const value = raw.trim().toLowerCase();
    if (value.length > MAX_LENGTH || !EMAIL_SHAPE.test(value)) {
      throw new ValidationError('Not a valid email address', [{ field: 'email', message: 'must be an email address' }]);
    }
    return new Email(value);
  }

  get value(): string {
    return this.props.value;
  }
}
