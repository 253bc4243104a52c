import { ArtifactAttachment } from '../../../src/contexts/model-registry/application/services/artifact-attachment.js';
import { ModelRegistration } from '../../../src/contexts/model-registry/application/services/model-registration.js';
import { VersionRegistration } from '../../../src/contexts/model-registry/application/services/version-registration.js';
import { FakeArtifactSettings, InMemoryObjectStore } from './fake-object-store.js';
import type { ModelRegistryFakes } from './fake-ports.js';

/** The registry's shared application services over the fakes, for the handlers that delegate to them. */
export function registryServices(
  ports: ModelRegistryFakes,
  store: InMemoryObjectStore = new InMemoryObjectStore(),
  settings: FakeArtifactSettings = new FakeArtifactSettings(),
) {
  return {
    modelRegistration: new ModelRegistration(ports.transaction, ports.models, ports.events),
    versionRegistration: new VersionRegistration(ports.transaction, ports.models, ports.versions, ports.events),
    artifactAttachment: new ArtifactAttachment(ports.transaction, ports.versions, store, settings, ports.events),
  };
}
