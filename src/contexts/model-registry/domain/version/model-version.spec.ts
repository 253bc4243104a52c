import { describe, expect, it } from '@jest/globals';
import { ArtifactAlreadyUploaded, SelfApprovalForbidden, VersionStatusConflict } from '../errors.js';
import { ModelVersion } from './model-version.js';
import type { TensorDatatype } from './signature.js';

const REGISTRANT = 'registrant';
const UPLOADER = 'uploader';
const REVIEWER = 'reviewer';

function uploadedVersion(): ModelVersion {
  const version = ModelVersion.register({
    modelId: 'm',
    projectId: 'p',
    number: 1,
    framework: 'onnx',
    registeredBy: REGISTRANT,
  });
  version.attachArtifact({
    key: 'k',
    sizeBytes: 3,
    sha256: 'abc',
    contentType: 'application/octet-stream',
    uploadedBy: UPLOADER,
    uploadedAt: new Date(),
  });
  return version;
}

const decision = (actorId: string, value: 'Approved' | 'Rejected', selfApprovalAllowed = false) => ({
  decision: value,
  comment: `${value} by ${actorId}`,
  actorId,
  selfApprovalAllowed,
  at: new Date(),
});

describe('ModelVersion', () => {
  it('waits for its artifact, then for a reviewer', () => {
    const version = ModelVersion.register({
      modelId: 'm',
      projectId: 'p',
      number: 1,
      framework: 'onnx',
      registeredBy: REGISTRANT,
    });
    expect(version.status).toBe('PendingArtifact');
    expect(() => version.decide(decision(REVIEWER, 'Approved'))).toThrow(VersionStatusConflict);
    expect(uploadedVersion().status).toBe('PendingManualApproval');
  });

  it('takes its artifact once', () => {
    const version = uploadedVersion();
    expect(() => version.attachArtifact({ ...version.artifact! })).toThrow(ArtifactAlreadyUploaded);
  });

  it('refuses approval by the registrant or the uploader unless four eyes are relaxed', () => {
    expect(() => uploadedVersion().decide(decision(REGISTRANT, 'Approved'))).toThrow(SelfApprovalForbidden);
    expect(() => uploadedVersion().decide(decision(UPLOADER, 'Approved'))).toThrow(SelfApprovalForbidden);
    expect(uploadedVersion().decide(decision(REGISTRANT, 'Approved', true)).decision).toBe('Approved');
    // Withdrawing one's own work is no conflict of interest.
    expect(uploadedVersion().decide(decision(REGISTRANT, 'Rejected')).decision).toBe('Rejected');
  });

  it('keeps every decision in order and refuses repeating the current one', () => {
    const version = uploadedVersion();
    version.decide(decision(REVIEWER, 'Rejected'));
    version.decide(decision(REVIEWER, 'Approved'));
    expect(() => version.decide(decision(REVIEWER, 'Approved'))).toThrow(VersionStatusConflict);
    expect(version.snapshot.approvals.map((entry) => entry.decision)).toEqual(['Rejected', 'Approved']);
    expect(version.status).toBe('Approved');
  });

  it('is reviewed no more once archived, and takes no artifact', () => {
    const version = ModelVersion.register({
      modelId: 'm',
      projectId: 'p',
      number: 1,
      framework: 'onnx',
      registeredBy: REGISTRANT,
    });
    version.archive(new Date());
    expect(() => version.ensureAcceptsArtifact()).toThrow(VersionStatusConflict);
    expect(() => version.archive(new Date())).toThrow(VersionStatusConflict);
  });

  it('refuses signatures outside the Open Inference Protocol (misuse: an unknown datatype) and non-finite metrics', () => {
    const base = { modelId: 'm', projectId: 'p', number: 1, framework: 'onnx' as const, registeredBy: REGISTRANT };
    // Deliberate misuse: 'FLOAT' is not an Open Inference Protocol datatype (it spells it FP32), so
    // the cast stands in for untyped input that reaches the domain, which must reject it at run time.
    const unknownDatatype = 'FLOAT' as unknown as TensorDatatype;
    const tensor = { name: 'x', datatype: unknownDatatype, shape: [1.5] };
    const output = { name: 'y', datatype: 'FP32' as const, shape: [-1] };
    expect(() => ModelVersion.register({ ...base, signature: { inputs: [tensor], outputs: [output] } })).toThrow(
      expect.objectContaining({
        errors: [
          { field: 'signature.inputs[0].datatype', message: expect.any(String) },
          { field: 'signature.inputs[0].shape', message: expect.any(String) },
        ],
      }),
    );
    expect(() => ModelVersion.register({ ...base, metrics: { auc: Number.NaN } })).toThrow(/finite/);
  });

  it('refuses a signature without outputs, saying so, and takes a version without any signature', () => {
    const base = { modelId: 'm', projectId: 'p', number: 1, framework: 'onnx' as const, registeredBy: REGISTRANT };
    const input = { name: 'x', datatype: 'FP32' as const, shape: [-1, 3] };
    expect(() => ModelVersion.register({ ...base, signature: { inputs: [input], outputs: [] } })).toThrow(
      expect.objectContaining({
        errors: [{ field: 'signature.outputs', message: expect.stringMatching(/^must not be empty/) }],
      }),
    );
    expect(ModelVersion.register(base).snapshot.signature).toEqual({ inputs: [], outputs: [] });
  });

  it('keeps scalar params and refuses a nested one, naming it (untyped input, as JSON bodies are)', () => {
    const base = { modelId: 'm', projectId: 'p', number: 1, framework: 'onnx' as const, registeredBy: REGISTRANT };
    const scalars = { maxDepth: 6, objective: 'binary:logistic', early: true };
    expect(ModelVersion.register({ ...base, params: scalars }).snapshot.params).toEqual(scalars);
    const nested = { maxDepth: 6, grid: { depth: [4, 6] } } as unknown as Record<string, number>;
    expect(() => ModelVersion.register({ ...base, params: nested })).toThrow(
      expect.objectContaining({
        errors: [{ field: 'params.grid', message: expect.stringMatching(/string, number, boolean/) }],
      }),
    );
  });
});
