package cn.p2psupervision.incident.watch;

/** INC-10: why an institution is a zombie (僵尸类) listed for shutdown. */
public enum ZombieRule {
    /** Outstanding loans (借贷余额) at zero for more than three consecutive months up to its latest report. */
    BALANCE_ZERO,
    /** No new lending (当月成交额 zero) for more than three consecutive months up to its latest report. */
    NEW_LENDING_ZERO,
    /** Its bidding functions (投标功能) closed or not working, as an officer of its registration province recorded. */
    BIDDING_CLOSED
}
