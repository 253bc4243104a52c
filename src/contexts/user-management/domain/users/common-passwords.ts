/** Port: the list of passwords attackers try first (ASVS 6.2.12). */
export abstract class CommonPasswords {
  abstract includes(password: string): boolean;
}
