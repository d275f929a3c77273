package cn.p2psupervision.acceptance.cases;

import java.time.LocalDate;

/** ACC-13: how hard a case is, and so the day by which the institution is to be filed [N 二(四)]. */
public enum Complexity {
    /** 主要机构: filed by 2018-04-30. */
    MAIN(LocalDate.of(2018, 4, 30)),
    /** 违规存量较大: filed by 2018-05-31. */
    HEAVY_STOCK(LocalDate.of(2018, 5, 31)),
    /** 情况复杂: filed by 2018-06-30. */
    COMPLEX(LocalDate.of(2018, 6, 30));

    private final LocalDate deadline;

    Complexity(LocalDate deadline) {
        this.deadline = deadline;
    }

    public LocalDate deadline() {
        return deadline;
    }
}
