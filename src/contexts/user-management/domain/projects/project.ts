import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import type { ProjectRole } from '../access/permission.js';
import { LastOwnerCannotLeave } from '../errors.js';

export interface MembershipChange {
  readonly userId: string;
  readonly role: ProjectRole | null;
  readonly previousRole: ProjectRole | null;
}

export interface ProjectState {
  readonly id: string;
  readonly name: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly members: ReadonlyMap<string, ProjectRole>;
  readonly version: number;
}

const NAME_MAX = 100;

/** The unit every ML resource belongs to, and who may do what in it. */
export class Project extends AggregateRoot {
  private readonly members: Map<string, ProjectRole>;
  private changes: MembershipChange[] = [];

  private constructor(
    private readonly state: Omit<ProjectState, 'members' | 'version'>,
    members: ReadonlyMap<string, ProjectRole>,
    version: number,
  ) {
    super(state.id, version);
    this.members = new Map(members);
  }

  /** The creator becomes its first owner. */
  static create(name: string, createdBy: string): Project {
    const project = new Project(
      { id: newId(), name: checkedName(name), createdBy, createdAt: new Date() },
      new Map(),
      0,
    );
    project.setMember(createdBy, 'owner');
    return project;
  }

  static restore(state: ProjectState): Project {
    return new Project(state, state.members, state.version);
  }

  get name(): string {
    return this.state.name;
  }
  get createdBy(): string {
    return this.state.createdBy;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }

  roleOf(userId: string): ProjectRole | undefined {
    return this.members.get(userId);
  }

  memberList(): { userId: string; role: ProjectRole }[] {
    return [...this.members].map(([userId, role]) => ({ userId, role }));
  }

  setMember(userId: string, role: ProjectRole): void {
    const previous = this.members.get(userId) ?? null;
    if (previous === role) return;
    if (previous === 'owner') this.requireAnotherOwner(userId);
    this.members.set(userId, role);
    this.changes.push({ userId, role, previousRole: previous });
  }

  removeMember(userId: string): void {
    const previous = this.members.get(userId);
    if (previous === undefined) return;
    if (previous === 'owner') this.requireAnotherOwner(userId);
    this.members.delete(userId);
    this.changes.push({ userId, role: null, previousRole: previous });
  }

  /** The membership changes since the last pull, for the repository, audit and events. */
  pullMembershipChanges(): MembershipChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  private requireAnotherOwner(leaving: string): void {
    const owners = [...this.members].filter(([userId, role]) => role === 'owner' && userId !== leaving);
    if (owners.length === 0) throw new LastOwnerCannotLeave();
  }
}

function checkedName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > NAME_MAX) {
    throw new ValidationError('Invalid project name', [
      { field: 'name', message: `must have 1 to ${NAME_MAX} characters` },
    ]);
  }
  return name;
}
