/** One threshold crossing reported by a monitor. */
export interface MonitorAlert {
  /** e.g. 'low_success_rate', 'slow_connections', 'high_queue_size'. */
  readonly type: string;
  readonly severity: 'warning' | 'critical';
  readonly message: string;
  /** The observed value that crossed the threshold. */
  readonly value: number;
  readonly threshold: number;
  /** MonitorTimer.now() of the sample that raised it. */
  readonly timestamp: number;
}

/** What a monitor's evaluation reports as currently true; the base class turns transitions into alerts. */
export type AlertCondition = Omit<MonitorAlert, 'timestamp'>;
