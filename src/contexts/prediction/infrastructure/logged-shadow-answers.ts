import { Injectable, Logger } from '@nestjs/common';
import { ShadowAnswers, type ShadowAnswer } from '../application/ports/shadow-answers.js';

// A log line is no payload store: a large answer is cut, payload logging (issue 13) will keep it whole.
const MAX_LOGGED_OUTPUT = 2000;

/** Writes shadow answers to the log, where they can be compared with the primary's until payload logging lands. */
@Injectable()
export class LoggedShadowAnswers extends ShadowAnswers {
  private readonly logger = new Logger('ShadowVariant');

  record(answer: ShadowAnswer): void {
    const about =
      `variant ${answer.variant} (version ${answer.versionId}) of deployment ${answer.deploymentId}, ` +
      `request ${answer.requestId}, ${Math.round(answer.seconds * 1000)} ms`;
    if (answer.error) this.logger.warn(`shadow failed: ${about}: ${answer.error}`);
    else this.logger.log(`shadow answered: ${about}: ${JSON.stringify(answer.outputs).slice(0, MAX_LOGGED_OUTPUT)}`);
  }
}
