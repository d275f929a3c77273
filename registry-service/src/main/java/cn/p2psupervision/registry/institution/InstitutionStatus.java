package cn.p2psupervision.registry.institution;

/** REG-08: the state of an institution. Changes from other contexts are recorded like any change. */
public enum InstitutionStatus {
    /** 正常经营 */
    OPERATING,
    /** 停业 */
    SUSPENDED,
    /** 失联 */
    LOST_CONTACT,
    /** 跑路 */
    ABSCONDED,
    /** 退出 */
    EXITED,
    /** 转型 */
    TRANSFORMED,
    /** 取缔 */
    BANNED,
    /** 已备案 */
    FILED
}
