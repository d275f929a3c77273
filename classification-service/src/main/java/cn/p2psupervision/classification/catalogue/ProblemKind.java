package cn.p2psupervision.classification.catalogue;

/** What a catalogued problem is, and so what a finding of it does to the proposal (CLS-02..CLS-06). */
public enum ProblemKind {
    /** 业务红线: one of the thirteen prohibited behaviours (CLS-02); fails standard 3 at least. */
    RED_LINE,
    /** 其他问题: disclosure, custody, single-borrower cap, network security (CLS-03). */
    OTHER_PROBLEM,
    /** 涉嫌违法犯罪: suspected illegal fundraising or fraud; a finding of it proposes banning (取缔类, CLS-06). */
    CRIMINAL,
    /** 重点排查业务: a business type that raises a screening flag only and never decides the category (CLS-04). */
    BUSINESS_TYPE
}
