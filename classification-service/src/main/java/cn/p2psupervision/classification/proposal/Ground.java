package cn.p2psupervision.classification.proposal;

import java.util.Comparator;

/**
 * CLS-07: a fact that decides a standard — a finding (its id and problem code) or a registry fact (the institution's
 * id and a fact code such as {@code NO_CUSTODY_BANK}) — with its wording in Simplified Chinese.
 */
public record Ground(Kind kind, String reference, String code, String text) implements Comparable<Ground> {

    /** A registry fact: the registry names no custody bank (CLS-05 standard 4). */
    public static final String NO_CUSTODY_BANK = "NO_CUSTODY_BANK";

    private static final Comparator<Ground> ORDER = Comparator.comparing(Ground::kind)
            .thenComparing(Ground::reference).thenComparing(Ground::code).thenComparing(Ground::text);

    public enum Kind {
        /** 排查发现 (CLS-01) */
        FINDING,
        /** 登记信息 (REG-02) */
        REGISTRY
    }

    /** A finding of problem {@code problemCode}, named in Chinese, e.g. {@code 设立资金池（发现 F-1）}. */
    public static Ground finding(String findingId, String problemCode, String problemName) {
        return new Ground(Kind.FINDING, findingId, problemCode, problemName + "（发现 " + findingId + "）");
    }

    /** A fact of the institution's registry file. */
    public static Ground registry(String institutionId, String factCode, String text) {
        return new Ground(Kind.REGISTRY, institutionId, factCode, text);
    }

    @Override
    public int compareTo(Ground other) {
        return ORDER.compare(this, other);
    }
}
