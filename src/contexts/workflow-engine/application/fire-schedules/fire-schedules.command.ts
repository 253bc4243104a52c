/** A scheduler tick asks for nothing: the schedules due now are the work. */
export type FireSchedulesCommand = Readonly<Record<string, never>>;

/** How many schedules were due. */
export type SchedulesFired = number;
