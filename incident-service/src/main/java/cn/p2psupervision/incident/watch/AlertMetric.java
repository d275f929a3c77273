package cn.p2psupervision.incident.watch;

/** INC-11: the operating figures off-site monitoring (非现场监测) watches, each against its threshold. */
public enum AlertMetric {
    /** The month's overdue rate (逾期率, percent) above {@link MonitoringThresholds#overdueRateMax()}. */
    OVERDUE_RATE,
    /** The loan balance fell by more than {@link MonitoringThresholds#balanceFallMaxPercent()} from the month before. */
    BALANCE_FALL,
    /** The lenders fell by more than {@link MonitoringThresholds#lendersFallMaxPercent()} from the month before. */
    LENDERS_FALL
}
