package cn.p2psupervision.incident.watch;

/** INC-11: where a monitoring alert stands. Only an {@link #OPEN} alert changes, once. */
public enum AlertState {
    /** Raised by the scan, not handled yet. */
    OPEN,
    /** An officer of the registration province turned it into a risk signal (INC-01). */
    TURNED_INTO_SIGNAL,
    /** An officer of the registration province dismissed it, with a reason. */
    DISMISSED
}
