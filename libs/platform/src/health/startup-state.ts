import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

/** Flips once every module finished initialising (migrations ran before that). */
@Injectable()
export class StartupState implements OnApplicationBootstrap {
  private started = false;

  onApplicationBootstrap(): void {
    this.started = true;
  }

  get isStarted(): boolean {
    return this.started;
  }
}
