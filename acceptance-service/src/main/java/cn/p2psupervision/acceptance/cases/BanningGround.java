package cn.p2psupervision.acceptance.cases;

/** ACC-07 (3): why an institution is banned (取缔) [N 二(二) 三]. */
public enum BanningGround {
    /** 不配合整改验收 */
    NOT_COOPERATIVE("不配合整改验收"),
    /** 存在严重违法违规行为 */
    SERIOUS_VIOLATIONS("存在严重违法违规行为"),
    /** 已被公安机关立案侦查 */
    POLICE_INVOLVED("已被公安机关立案侦查"),
    /** 失联 */
    LOST_CONTACT("失联");

    private final String chinese;

    BanningGround(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
