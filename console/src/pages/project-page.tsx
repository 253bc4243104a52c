import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, problemText, type Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

type Role = Schemas['SetMemberRequest']['role'];
const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export function ProjectPage() {
  const projectId = useParams().projectId!;
  const project = useApi(
    () => api.GET('/api/v1/projects/{projectId}', { params: { path: { projectId } } }),
    `project:${projectId}`,
  );
  usePageTitle(project.data?.name ?? 'Project');
  const [memberError, setMemberError] = useState<string>();

  async function setMember(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { error } = await api.PUT('/api/v1/projects/{projectId}/members/{userId}', {
      params: { path: { projectId, userId: fieldOf(form, 'userId').trim() } },
      body: { role: fieldOf(form, 'role') as Role },
    });
    setMemberError(error === undefined ? undefined : problemText(error));
    if (error === undefined) project.reload();
  }

  if (project.data === undefined) return <PageStatus error={project.error} />;
  return (
    <>
      <h1>{project.data.name}</h1>
      <ul className="links">
        <li>
          <Link to={`/projects/${projectId}/workflows`}>Workflows of this project</Link>
        </li>
        <li>
          <Link to={`/projects/${projectId}/models`}>Models of this project</Link>
        </li>
        <li>
          <Link to={`/projects/${projectId}/datasets`}>Datasets of this project</Link>
        </li>
        <li>
          <Link to={`/projects/${projectId}/deployments`}>Deployments of this project</Link>
        </li>
        <li>
          <Link to={`/projects/${projectId}/alerts`}>Alerts of this project</Link>
        </li>
      </ul>
      <section aria-labelledby="members">
        <h2 id="members">Members</h2>
        <DataTable
          label="Members"
          rows={project.data.members}
          rowKey={(member) => member.userId}
          columns={[
            { header: 'User id', cell: (member) => member.userId, cellAttributes: { className: 'mono' } },
            { header: 'Role', cell: (member) => member.role },
          ]}
        />
        <h3>Add a member or change a role</h3>
        <form onSubmit={(event) => void setMember(event)} className="inline-form">
          <label>
            User id
            <input name="userId" required pattern="[0-9a-fA-F-]{36}" title="The user's id (a UUID)" />
          </label>
          <label>
            Role
            <select name="role" defaultValue="viewer">
              {ROLES.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          </label>
          <button type="submit">Save member</button>
        </form>
        {memberError !== undefined && (
          <p role="alert" className="error">
            {memberError}
          </p>
        )}
      </section>
    </>
  );
}
