package cn.p2psupervision.acceptance.cases;

/** ACC-06: an entity split off (拆分主体) that serves only the institution, accepted together with it. */
public record SplitEntity(String name, String creditCode) {
}
