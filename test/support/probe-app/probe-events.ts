/** Events of the probe contexts that the multi-process tests run. */
export interface ProbeProducerEvents {
  'probe-producer.probe.recorded.v1': { key: string };
}

export const PROBE_RECORDED = 'probe-producer.probe.recorded.v1';
