/** Something with an identity that outlives changes to its attributes. */
export abstract class Entity<TId = string> {
  protected constructor(readonly id: TId) {}

  equals(other: Entity<TId> | undefined): boolean {
    return other !== undefined && other.constructor === this.constructor && other.id === this.id;
  }
}
