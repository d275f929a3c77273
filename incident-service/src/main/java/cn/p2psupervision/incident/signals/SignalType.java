package cn.p2psupervision.incident.signals;

/** INC-01: the risk information to watch (重点关注的风险信息). */
public enum SignalType {
    /** 谣言 */
    RUMOUR("谣言"),
    /** 负面媒体报道 */
    NEGATIVE_MEDIA("负面舆情"),
    /** 主要股东经营困难、涉案或外逃 */
    SHAREHOLDER_TROUBLE("主要股东经营困难、涉案或外逃"),
    /** 董事、监事、高管涉案或外逃 */
    EXECUTIVE_TROUBLE("董监高涉案或外逃"),
    /** 逾期兑付、挤兑、暂停或限制提现 */
    OVERDUE_OR_RUN("逾期兑付、挤兑、暂停或限制提现"),
    /** 主要借款人经营困难 */
    BORROWER_TROUBLE("主要借款人经营困难"),
    /** 大量出借人要求提前兑付、维权、围堵、堵塞交通 */
    LENDER_PROTEST("出借人集中维权、围堵"),
    /** 保证保险投保人群体性事件 */
    GUARANTEE_INSURANCE_GROUP("保证保险投保人群体性事件"),
    /** 其他 */
    OTHER("其他");

    private final String chinese;

    SignalType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
