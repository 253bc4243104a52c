import type { BoundedContext } from '@libs/platform';
import { bootstrap } from '../../../src/bootstrap.js';
import {
  CreateProbeConsumer1764150000002,
  CreateProbeProducer1764150000001,
} from './create-probe-schemas.migration.js';
import { ProbeConsumerModule } from './probe-consumer.module.js';
import { ProbeProducerModule } from './probe-producer.module.js';

/** The real platform bootstrap, hosting two probe contexts instead of the product's. */
const PROBE_CONTEXTS: BoundedContext[] = [
  {
    name: 'probe-producer',
    schema: 'probe_producer',
    module: ProbeProducerModule.register,
    migrations: [CreateProbeProducer1764150000001],
  },
  {
    name: 'probe-consumer',
    schema: 'probe_consumer',
    module: ProbeConsumerModule.register,
    migrations: [CreateProbeConsumer1764150000002],
  },
];

await bootstrap(PROBE_CONTEXTS);
