import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, problemText } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

export function ProjectsPage() {
  usePageTitle('Projects');
  const projects = useApi(() => api.GET('/api/v1/projects', { params: { query: { limit: 100 } } }), 'projects');
  const [createError, setCreateError] = useState<string>();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = fieldOf(form, 'name');
    const { error } = await api.POST('/api/v1/projects', { body: { name } });
    setCreateError(error === undefined ? undefined : problemText(error));
    if (error === undefined) {
      form.reset();
      projects.reload();
    }
  }

  return (
    <>
      <h1>Projects</h1>
      <section aria-labelledby="project-list">
        <h2 id="project-list">Your projects</h2>
        {projects.data === undefined ? (
          <PageStatus error={projects.error} />
        ) : projects.data.items.length === 0 ? (
          <p>No project yet: create one below.</p>
        ) : (
          <DataTable
            label="Your projects"
            rows={projects.data.items}
            rowKey={(project) => project.id}
            columns={[
              { header: 'Name', cell: (project) => <Link to={`/projects/${project.id}`}>{project.name}</Link> },
              { header: 'Your role', cell: (project) => project.role ?? '—' },
              { header: 'Created', cell: (project) => new Date(project.createdAt).toLocaleString() },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="new-project">
        <h2 id="new-project">New project</h2>
        <form onSubmit={(event) => void create(event)} className="inline-form">
          <label>
            Project name
            <input name="name" required maxLength={200} />
          </label>
          <button type="submit">Create project</button>
        </form>
        {createError !== undefined && (
          <p role="alert" className="error">
            {createError}
          </p>
        )}
      </section>
    </>
  );
}
