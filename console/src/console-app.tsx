import { useSyncExternalStore } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page';
import { ResumingSession } from './auth/resuming-session';
import { AlertsPage } from './pages/alerts-page';
import { session } from './auth/session';
import { ApprovalsPage } from './pages/approvals-page';
import { CheckRunPage } from './pages/check-run-page';
import { DataDocsPage } from './pages/data-docs-page';
import { DatasetPage } from './pages/dataset-page';
import { DatasetVersionPage } from './pages/dataset-version-page';
import { DatasetsPage } from './pages/datasets-page';
import { DeploymentPage } from './pages/deployment-page';
import { DeploymentsPage } from './pages/deployments-page';
import { LineagePage } from './pages/lineage-page';
import { ModelComparePage } from './pages/model-compare-page';
import { ModelPage } from './pages/model-page';
import { ModelVersionPage } from './pages/model-version-page';
import { ModelsPage } from './pages/models-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { RunPage } from './pages/run-page';
import { WorkflowPage } from './pages/workflow-page';
import { WorkflowsPage } from './pages/workflows-page';
import { AppShell } from './shell/app-shell';

export function ConsoleApp() {
  const status = useSyncExternalStore(session.subscribe, () => session.status());
  if (status === 'resuming') return <ResumingSession />;
  if (status === 'signed-out') return <LoginPage />;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<Navigate to="/projects" replace />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/projects/:projectId" element={<ProjectPage />} />
        <Route path="/projects/:projectId/workflows" element={<WorkflowsPage />} />
        <Route path="/projects/:projectId/models" element={<ModelsPage />} />
        <Route path="/models/:modelId" element={<ModelPage />} />
        <Route path="/models/:modelId/compare" element={<ModelComparePage />} />
        <Route path="/model-versions/:versionId" element={<ModelVersionPage />} />
        <Route path="/projects/:projectId/datasets" element={<DatasetsPage />} />
        <Route path="/datasets/:datasetId" element={<DatasetPage />} />
        <Route path="/dataset-versions/:versionId" element={<DatasetVersionPage />} />
        <Route path="/check-runs/:checkRunId" element={<CheckRunPage />} />
        <Route path="/check-runs/:checkRunId/docs" element={<DataDocsPage />} />
        <Route path="/projects/:projectId/deployments" element={<DeploymentsPage />} />
        <Route path="/projects/:projectId/alerts" element={<AlertsPage />} />
        <Route path="/deployments/:deploymentId" element={<DeploymentPage />} />
        <Route path="/lineage/:nodeType/:nodeId" element={<LineagePage />} />
        <Route path="/workflows/:workflowId" element={<WorkflowPage />} />
        <Route path="/runs/:runId" element={<RunPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="*" element={<Navigate to="/projects" replace />} />
      </Routes>
    </AppShell>
  );
}
