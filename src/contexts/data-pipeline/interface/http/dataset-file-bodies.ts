import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { acceptStreamedBodies } from '@libs/platform';
import type { FastifyInstance } from 'fastify';
import type { VersionFormat } from '../../domain/dataset/dataset-version.js';

/** The media types a version file is uploaded as, and the format each one is read as. */
export const FORMAT_OF_MEDIA_TYPE: ReadonlyMap<string, VersionFormat> = new Map([
  ['text/csv', 'csv'],
  ['application/x-ndjson', 'jsonl'],
  ['application/vnd.apache.parquet', 'parquet'],
]);

export const UPLOAD_MEDIA_TYPES = [...FORMAT_OF_MEDIA_TYPE.keys()];

/** The OpenAPI schema of a version file in a request or a response: its bytes. */
export const FILE_BYTES = { type: 'string', format: 'binary' } as const;

export const MEDIA_TYPE_OF_FORMAT: Readonly<Record<VersionFormat, string>> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

/** Version files reach the upload route as the raw request stream (see acceptStreamedBodies). */
@Injectable()
export class DatasetFileBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) acceptStreamedBodies(fastify, UPLOAD_MEDIA_TYPES);
  }
}
