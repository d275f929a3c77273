package cn.p2psupervision.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * What the seeder records in the classification context (CLS-01, CLS-07) for the demo data set, deterministically
 * from the same seed: for the institutions registered in the planned provinces (every province by default,
 * {@code --classification-provinces}) and in the campaign's scope, about 70 % get 1–4 findings of the problem
 * catalogue with Chinese evidence, and virtually all a decision (late in the campaign almost every institution in
 * scope had one), of which most are approved and about one in ten differs from the platform's proposal with a written
 * reason. The seeder acts as the province's officers ({@link #officersOf}): the realm's demo users for Zhejiang (33) and
 * Guangdong (44), the accounts {@link DemoAccounts} creates for the others.
 * <p>
 * The findings follow the institution's shape: a collapsed platform is more often suspected of illegal fundraising or
 * fraud, a fast-growing one of guarantees, term splitting and high-return promotion, one that stopped lending of
 * fictitious projects and debt transfers; a platform without a custody bank may be found without third-party custody.
 * Violating business states an outstanding amount (存量) derived from the institution's loan balance.
 * <p>
 * An institution's plan depends only on the seed, the number of institutions and its index (its own random stream),
 * never on which other provinces are planned: planning every province gives Zhejiang and Guangdong the same plans as
 * planning those two alone.
 */
final class DemoClassification {

    /** The catalogue's kinds of problem (classification-service {@code ProblemKind}). */
    enum Kind {
        RED_LINE, OTHER_PROBLEM, CRIMINAL, BUSINESS_TYPE
    }

    /**
     * A problem of the classification service's catalogue ({@code catalogue/problems.json}).
     *
     * @param weight how often a steady platform's finding is of this problem, relative to the others
     */
    record Problem(String code, String name, Kind kind, boolean violatingBusiness, double weight) {
    }

    static final List<Problem> CATALOGUE = List.of(
            new Problem("FUND_POOL", "设立资金池", Kind.RED_LINE, true, 2),
            new Problem("SELF_FINANCING", "自融", Kind.RED_LINE, true, 1),
            new Problem("PRINCIPAL_GUARANTEE", "向出借人提供担保或者承诺保本保息", Kind.RED_LINE, true, 4),
            new Problem("OFFLINE_MARKETING", "大规模线下营销", Kind.RED_LINE, false, 5),
            new Problem("MISLEADING_PROMOTION", "误导性宣传", Kind.RED_LINE, false, 5),
            new Problem("FICTITIOUS_PROJECTS", "虚构借款人及标的", Kind.RED_LINE, true, 1),
            new Problem("OWN_LENDING", "发放贷款", Kind.RED_LINE, true, 1),
            new Problem("TERM_SPLITTING", "期限拆分", Kind.RED_LINE, true, 4),
            new Problem("PRODUCT_SALES", "发售银行理财、券商资管、基金等产品", Kind.RED_LINE, true, 2),
            new Problem("NON_COMPLIANT_DEBT_TRANSFER", "违规债权转让", Kind.RED_LINE, true, 3),
            new Problem("HIGH_RISK_SECURITIES_FINANCING", "参与高风险证券市场融资或利用类HOMS等系统从事股票市场场外配资",
                    Kind.RED_LINE, true, 1),
            new Problem("CROWDFUNDING", "从事股权众筹或实物众筹", Kind.RED_LINE, true, 1),
            new Problem("MIXED_BUSINESS", "与其他机构投资、代理销售、经纪等业务混合、捆绑、代理", Kind.RED_LINE, true, 2),
            new Problem("DISCLOSURE_INCOMPLETE", "信息披露不完整", Kind.OTHER_PROBLEM, false, 10),
            new Problem("DISCLOSURE_NOT_OBJECTIVE", "信息披露不客观", Kind.OTHER_PROBLEM, false, 4),
            new Problem("DISCLOSURE_NOT_TIMELY", "信息披露不及时", Kind.OTHER_PROBLEM, false, 8),
            new Problem("NO_THIRD_PARTY_CUSTODY", "未实行出借人资金第三方存管", Kind.OTHER_PROBLEM, false, 14),
            new Problem("BORROWER_CAP_EXCEEDED", "单一借款人借款余额超过上限", Kind.OTHER_PROBLEM, true, 6),
            new Problem("NETWORK_SECURITY_NON_COMPLIANT", "网络安全设施不合规", Kind.OTHER_PROBLEM, false, 7),
            new Problem("ILLEGAL_FUNDRAISING", "涉嫌非法集资", Kind.CRIMINAL, true, 0.3),
            new Problem("FRAUD", "涉嫌诈骗", Kind.CRIMINAL, true, 0.2),
            new Problem("EXCESSIVE_PROMOTION", "在媒体过度宣传", Kind.BUSINESS_TYPE, false, 3),
            new Problem("HIGH_RETURN_PROMISE", "承诺高额回报", Kind.BUSINESS_TYPE, false, 3),
            new Problem("REAL_ESTATE_FINANCING", "房地产配资、首付贷", Kind.BUSINESS_TYPE, true, 2),
            new Problem("CAMPUS_LENDING", "校园贷", Kind.BUSINESS_TYPE, true, 2),
            new Problem("CASH_LOAN", "现金贷", Kind.BUSINESS_TYPE, true, 4));

    /** How each shape multiplies the steady weights (problems not named keep theirs). */
    private static final Map<DemoData.Shape, Map<String, Double>> SHAPE_WEIGHTS = new EnumMap<>(Map.of(
            DemoData.Shape.STEADY, Map.of(),
            DemoData.Shape.FAST_GROWTH, Map.of("PRINCIPAL_GUARANTEE", 3.0, "TERM_SPLITTING", 3.0,
                    "HIGH_RETURN_PROMISE", 3.0, "EXCESSIVE_PROMOTION", 3.0, "MISLEADING_PROMOTION", 2.0,
                    "OFFLINE_MARKETING", 2.0, "FUND_POOL", 2.0, "CASH_LOAN", 2.0),
            DemoData.Shape.COLLAPSE, Map.of("ILLEGAL_FUNDRAISING", 80.0, "FRAUD", 50.0, "FUND_POOL", 6.0,
                    "SELF_FINANCING", 8.0, "FICTITIOUS_PROJECTS", 8.0, "PRINCIPAL_GUARANTEE", 3.0),
            DemoData.Shape.LENDING_STOPPED, Map.of("NON_COMPLIANT_DEBT_TRANSFER", 4.0, "FICTITIOUS_PROJECTS", 3.0,
                    "BORROWER_CAP_EXCEEDED", 2.0, "DISCLOSURE_NOT_TIMELY", 2.0)));

    /** Where a finding comes from (classification-service {@code FindingSource}), as the evidence text says it. */
    enum Source {
        ON_SITE_INSPECTION("现场检查"),
        OFF_SITE_ANALYSIS("非现场监测分析"),
        PUBLIC_COMPLAINT("群众举报核查"),
        OTHER_AGENCY("有关部门移送线索核查"),
        REGISTRY_DATA("排查登记数据比对");

        final String chinese;

        Source(String chinese) {
            this.chinese = chinese;
        }
    }

    /** The users who act for a province: the officer records, a head (never the recorder) approves. */
    record Officers(String province, String officer, List<String> heads) {

        /** The officer first, then the heads. */
        List<String> all() {
            List<String> all = new ArrayList<>(List.of(officer));
            all.addAll(heads);
            return List.copyOf(all);
        }
    }

    /** The provinces whose demo users are in the realm export (README); the others get {@link DemoAccounts}'. */
    static final Map<String, Officers> REALM_USERS = Map.of(
            "33", new Officers("33", "zj-officer", List.of("zj-head-finance", "zj-head-regulator")),
            "44", new Officers("44", "gd-officer", List.of("gd-head-finance", "gd-head-regulator")));

    /**
     * Who acts for {@code province}: the realm's demo users for 33 and 44; for any other province the accounts
     * {@link DemoAccounts} creates, {@code p<code>-officer} (financial office), {@code p<code>-head-finance} and
     * {@code p<code>-head-regulator} (e.g. {@code p11-officer} for Beijing).
     *
     * @throws IllegalArgumentException for a code that is not one of the 31 provinces
     */
    static Officers officersOf(String province) {
        String code = Provinces.of(province).code();
        Officers realm = REALM_USERS.get(code);
        if (realm != null) {
            return realm;
        }
        String prefix = "p" + code + "-";
        return new Officers(code, prefix + "officer", List.of(prefix + "head-finance", prefix + "head-regulator"));
    }

    /** Every province's code, sorted. */
    static final Set<String> ALL_PROVINCES = allProvinces();

    private static Set<String> allProvinces() {
        Set<String> codes = new TreeSet<>();
        Provinces.ALL.forEach(province -> codes.add(province.code()));
        return Collections.unmodifiableSet(codes);
    }

    /**
     * The provinces of {@code --classification-provinces}: {@code all}, or codes separated by commas
     * ({@code 33,44}); sorted.
     *
     * @throws IllegalArgumentException for an empty list or an unknown code
     */
    static Set<String> provinces(String option) {
        String value = option == null ? "" : option.trim();
        if ("all".equalsIgnoreCase(value)) {
            return ALL_PROVINCES;
        }
        Set<String> provinces = new TreeSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                try {
                    provinces.add(Provinces.of(part.trim()).code());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--classification-provinces: " + e.getMessage()
                            + " (all, or two-digit codes separated by commas, e.g. 33,44)");
                }
            }
        }
        if (provinces.isEmpty()) {
            throw new IllegalArgumentException("--classification-provinces is all, or two-digit codes separated by "
                    + "commas (e.g. 33,44), was '" + value + "'");
        }
        return Collections.unmodifiableSet(provinces);
    }

    /** A finding as the API takes it; {@code outstandingAmount} (yuan, two decimals) only for violating business. */
    record Finding(String problemCode, String text, List<String> documents, Source source, LocalDate foundOn,
                   BigDecimal outstandingAmount) {
    }

    /**
     * What the seed does for one institution.
     *
     * @param approver the head who approves (when {@code approve})
     * @param decide   record a decision (after the findings, against the proposal it then gets)
     * @param differ   record another category than the proposal's, with a written reason
     * @param approve  have the decision approved
     * @param draw     a number in [0, 1) for {@link #override}
     */
    record Plan(DemoData.Institution institution, Officers officers, String approver, List<Finding> findings,
                boolean decide, boolean differ, boolean approve, double draw) {
    }

    /** A category other than the proposal's, with the officer's written reason. */
    record Override(String category, String reason) {
    }

    /**
     * Share of decided institutions among those with findings, and among those without (together about 98 %: late in
     * the campaign virtually every institution in scope had a decision). Each is compared with the institution's same
     * draw, so raising a share keeps every institution decided before decided, with the same later draws; only a newly
     * decided one draws {@link #DIFFER} and {@link #APPROVE} too, which shifts its own approver and override draw.
     */
    static final double DECIDE_WITH_FINDINGS = 0.99;
    static final double DECIDE_WITHOUT_FINDINGS = 0.95;
    static final double DIFFER = 0.10;
    static final double APPROVE = 0.85;

    private DemoClassification() {
    }

    static Problem problem(String code) {
        return CATALOGUE.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown problem " + code));
    }

    /**
     * The plans, in the data set's order, for every institution registered in one of {@code provinces} and in the
     * campaign's scope (an institution out of scope gets no proposal, 422 CLS-07).
     *
     * @param provinces     the provinces to plan for (codes; {@link #ALL_PROVINCES} for all)
     * @param latestFoundOn the last day a finding may be dated (not after the classification service's today)
     */
    static List<Plan> plan(DemoData data, long seed, LocalDate latestFoundOn, Set<String> provinces) {
        return plan(data, seed, latestFoundOn, provinces, DECIDE_WITH_FINDINGS, DECIDE_WITHOUT_FINDINGS);
    }

    /** {@link #plan(DemoData, long, LocalDate, Set)} with other decided shares (to compare them in tests). */
    static List<Plan> plan(DemoData data, long seed, LocalDate latestFoundOn, Set<String> provinces,
                           double decideWithFindings, double decideWithoutFindings) {
        Map<String, Officers> officers = new HashMap<>();
        provinces.forEach(province -> officers.put(province, officersOf(province)));
        List<Plan> plans = new ArrayList<>();
        int count = data.institutions().size();
        for (DemoData.Institution institution : data.institutions()) {
            Officers acting = officers.get(institution.registeredProvince());
            if (acting == null || !institution.inScope()) {
                continue;
            }
            // the institution's own stream: its plan does not depend on which other provinces are planned
            SplittableRandom r = new SplittableRandom(DemoData.mix(seed, count, institution.index(), 0xC1A5_51F1L));
            List<Finding> findings = r.nextDouble() < findingChance(institution.shape())
                    ? findings(data, institution, r, latestFoundOn) : List.of();
            boolean decide = r.nextDouble() < (findings.isEmpty() ? decideWithoutFindings : decideWithFindings);
            boolean differ = decide && r.nextDouble() < DIFFER;
            boolean approve = decide && r.nextDouble() < APPROVE;
            String approver = acting.heads().get(r.nextInt(acting.heads().size()));
            plans.add(new Plan(institution, acting, approver, findings, decide, differ, approve, r.nextDouble()));
        }
        return List.copyOf(plans);
    }

    /** About 70 % overall: 64 % of steady platforms, more of the others. */
    static double findingChance(DemoData.Shape shape) {
        return switch (shape) {
            case STEADY -> 0.64;
            case FAST_GROWTH -> 0.80;
            case COLLAPSE -> 0.90;
            case LENDING_STOPPED -> 0.78;
        };
    }

    /**
     * The category an officer records instead of the proposal's, and why: stricter than a compliant proposal; for a
     * rectification either compliant (rectified since) or, with violating business found, banning (a large stock and no
     * will to rectify); a banning proposal becomes rectification (the police did not open a case). The plan's
     * {@code draw} picks between the two ways out of rectification.
     */
    static Override override(String proposed, Plan plan) {
        DemoData.Institution i = plan.institution();
        boolean violating = plan.findings().stream().anyMatch(f -> f.outstandingAmount() != null);
        return switch (proposed) {
            case "COMPLIANT" -> new Override("RECTIFICATION", "现场核查发现平台风险管理和内部控制制度不健全，"
                    + "虽五项标准形式上均已满足，但经营稳定性存疑，经省整治办研究从严归入整改类，限期六个月完成整改。");
            case "RECTIFICATION" -> violating && plan.draw() < 0.4
                    ? new Override("BANNING", "平台违规存量业务规模大，实际控制人" + controllerName(i)
                    + "拒不配合整改、无实际整改意愿，兑付风险突出，经省整治办研究归入取缔类，移送公安机关依法处置。")
                    : new Override("COMPLIANT", "平台已于检查后完成整改："
                    + (i.custodyBank() == null ? "已与银行签订资金存管协议并上线运行，" : "")
                    + "违规业务已全部清退，整改材料经复核属实，经省整治办研究归入合规类，纳入持续监管。");
            case "BANNING" -> new Override("RECTIFICATION", "公安机关初查认为暂不符合立案条件，平台已制定并公示兑付方案，"
                    + "实际控制人承诺限期整改，经省整治办研究先归入整改类，跟踪督促，逾期未完成的再行取缔。");
            default -> throw new IllegalArgumentException("unknown category " + proposed);
        };
    }

    // ---------------------------------------------------------------------------------------------------- findings

    private static List<Finding> findings(DemoData data, DemoData.Institution institution, SplittableRandom r,
                                          LocalDate latestFoundOn) {
        int wanted = institution.shape() == DemoData.Shape.COLLAPSE ? pick(r, new int[]{15, 30, 30, 25})
                : pick(r, new int[]{40, 30, 20, 10});
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> shape = SHAPE_WEIGHTS.get(institution.shape());
        for (Problem problem : CATALOGUE) {
            if ("NO_THIRD_PARTY_CUSTODY".equals(problem.code()) && institution.custodyBank() != null) {
                continue; // the registry names its custody bank: not found without one
            }
            weights.put(problem.code(), problem.weight() * shape.getOrDefault(problem.code(), 1.0));
        }
        List<DemoData.Report> reports = data.reportsOf(institution);
        LocalDate to = latestFoundOn;
        LocalDate from = to.minusDays(330);
        LocalDate lendingPlusMonth = institution.lendingStartedOn().plusDays(30);
        if (lendingPlusMonth.isAfter(from)) {
            from = lendingPlusMonth.isAfter(to) ? to : lendingPlusMonth;
        }
        List<Finding> findings = new ArrayList<>();
        for (int k = 0; k < wanted && !weights.isEmpty(); k++) {
            String code = weightedKey(r, weights);
            weights.remove(code);
            Problem problem = problem(code);
            LocalDate foundOn = from.plusDays(r.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
            Source source = source(problem, r);
            BigDecimal amount = problem.violatingBusiness() ? outstanding(problem, balanceFen(reports, foundOn), r) : null;
            findings.add(new Finding(code, text(problem, institution, source, foundOn, amount, r),
                    documents(institution, source, foundOn, r), source, foundOn, amount));
        }
        return List.copyOf(findings);
    }

    private static Source source(Problem problem, SplittableRandom r) {
        Source[] sources = Source.values();
        int[] weights = switch (problem.kind()) {
            case CRIMINAL -> new int[]{10, 5, 40, 45, 0};
            case RED_LINE -> new int[]{55, 25, 15, 5, 0};
            case OTHER_PROBLEM -> new int[]{25, 40, 5, 0, 30};
            case BUSINESS_TYPE -> new int[]{20, 35, 35, 10, 0};
        };
        return sources[pick(r, weights) - 1];
    }

    /** The loan balance (fen) in the month found, or the peak when that month's is nil (collapsed, or not reported). */
    private static long balanceFen(List<DemoData.Report> reports, LocalDate foundOn) {
        YearMonth month = YearMonth.from(foundOn);
        long peak = 0;
        long then = 0;
        for (DemoData.Report report : reports) {
            peak = Math.max(peak, report.loanBalance());
            if (!report.period().isAfter(month)) {
                then = report.loanBalance();
            }
        }
        return then > 0 ? then : peak;
    }

    /** A share of the balance, by problem, in whole yuan with two decimals; at least 10,000 yuan. */
    private static BigDecimal outstanding(Problem problem, long balanceFen, SplittableRandom r) {
        double[] range = switch (problem.code()) {
            case "ILLEGAL_FUNDRAISING" -> new double[]{0.30, 0.90};
            case "FRAUD" -> new double[]{0.10, 0.50};
            case "FUND_POOL", "SELF_FINANCING", "NON_COMPLIANT_DEBT_TRANSFER" -> new double[]{0.05, 0.35};
            case "BORROWER_CAP_EXCEEDED" -> new double[]{0.005, 0.03};
            default -> new double[]{0.01, 0.15};
        };
        double yuan = balanceFen / 100.0 * (range[0] + r.nextDouble() * (range[1] - range[0]));
        return BigDecimal.valueOf(Math.max(10_000, Math.round(yuan))).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** What was found, in Simplified Chinese: the day, the institution and the source, then the particulars. */
    private static String text(Problem problem, DemoData.Institution i, Source source, LocalDate foundOn,
                               BigDecimal amount, SplittableRandom r) {
        String money = amount == null ? "" : money(amount);
        String brand = brand(i);
        String province = Provinces.of(i.registeredProvince()).name();
        String particulars = switch (problem.code()) {
            case "FUND_POOL" -> "平台以" + brand + "名义在" + bank(r) + "开立一般结算账户归集出借人资金，累计归集资金"
                    + money + "，资金划转未经存管银行，出借人资金与平台自有资金混同使用。";
            case "SELF_FINANCING" -> "平台" + between(r, 3, 40) + "笔借款项目的借款人为实际控制人" + controllerName(i)
                    + "控制的关联企业，借款余额合计" + money + "，属于为自身或变相为自身融资。";
            case "PRINCIPAL_GUARANTEE" -> "平台官网及App产品页面载明“本息保障”“风险准备金先行赔付”，并由关联担保公司向出借人"
                    + "承诺保本保息，涉及在贷余额" + money + "。";
            case "OFFLINE_MARKETING" -> "平台在" + province + "设立" + between(r, 3, 60) + "个线下门店，由理财经理向社会公众"
                    + "推介出借项目，线下获客占新增出借人的" + between(r, 30, 85) + "%。";
            case "MISLEADING_PROMOTION" -> "平台在微信公众号及户外广告中宣称“国资背景”“银行级风控”“零风险”，"
                    + "与工商登记信息及实际经营情况不符，构成误导性宣传。";
            case "FICTITIOUS_PROJECTS" -> {
                int checked = between(r, 20, 80);
                yield "抽查借款标的" + checked + "个，其中" + between(r, 5, checked / 2) + "个借款人身份信息与登记不符或"
                        + "无法联系，涉及虚构借款项目余额" + money + "。";
            }
            case "OWN_LENDING" -> "平台以自有资金向借款人直接发放贷款" + between(r, 10, 300) + "笔，余额" + money
                    + "，再将债权拆分后挂标向出借人转让。";
            case "TERM_SPLITTING" -> "平台将期限为" + between(r, 12, 36) + "个月的借款拆分为1至3个月的短期标的滚动发售，"
                    + "期限错配涉及余额" + money + "。";
            case "PRODUCT_SALES" -> "平台“" + brand + "理财”频道代销私募基金及资产管理计划份额，截至检查日存续规模" + money
                    + "。";
            case "NON_COMPLIANT_DEBT_TRANSFER" -> "平台设立“智能投标”“自动债权转让”产品，出借人资金在债权之间循环匹配，"
                    + "存在期限错配和资金池特征，涉及余额" + money + "。";
            case "HIGH_RISK_SECURITIES_FINANCING" -> "平台为投资者提供股票配资服务，杠杆比例最高达1:" + between(r, 3, 10)
                    + "，配资余额" + money + "。";
            case "CROWDFUNDING" -> "平台开设“" + pick(r, new String[]{"车辆", "农产品", "影视", "酒店"})
                    + "众筹”频道，向社会公众募集资金，募集余额" + money + "。";
            case "MIXED_BUSINESS" -> "平台与关联保险代理、基金销售机构捆绑销售理财产品，客户资金与借贷业务资金未分离，"
                    + "涉及余额" + money + "。";
            case "DISCLOSURE_INCOMPLETE" -> "平台未按《网络借贷信息中介机构业务活动信息披露指引》披露借款人主体信息、"
                    + "逾期金额及代偿金额等" + between(r, 3, 12) + "项应披露事项。";
            case "DISCLOSURE_NOT_OBJECTIVE" -> {
                int published = between(r, 0, 150);
                yield "平台官网披露的项目逾期率为" + percent(published) + "%，与其报送的运营数据所示的"
                        + percent(published + between(r, 200, 1500)) + "%明显不符。";
            }
            case "DISCLOSURE_NOT_TIMELY" -> "平台" + foundOn.minusMonths(2).getYear() + "年"
                    + foundOn.minusMonths(2).getMonthValue() + "月运营报告至检查日仍未在官网发布，股东变更等重大事项未在"
                    + between(r, 10, 60) + "个工作日内披露。";
            case "NO_THIRD_PARTY_CUSTODY" -> "平台至检查日未与商业银行签订资金存管协议，出借人资金经由第三方支付机构"
                    + pick(r, new String[]{"汇付天下", "易宝支付", "连连支付", "宝付", "富友支付"}) + "的账户流转。";
            case "BORROWER_CAP_EXCEEDED" -> "同一借款人在平台的借款余额超过上限：自然人超过20万元的" + between(r, 2, 40)
                    + "户、法人超过100万元的" + between(r, 1, 12) + "户，超限余额合计" + money + "。";
            case "NETWORK_SECURITY_NON_COMPLIANT" -> "平台信息系统未通过信息安全等级保护三级测评，未落实数据备份及访问控制，"
                    + "出借人身份证件影像以明文保存。";
            case "ILLEGAL_FUNDRAISING" -> "平台以高息为诱饵向社会不特定对象吸收资金，涉及出借人" + between(r, 500, 20_000)
                    + "人，未兑付金额" + money + "，实际控制人" + controllerName(i) + "已失联，涉嫌非法吸收公众存款。";
            case "FRAUD" -> "经核查，平台发布的借款标的大部分系虚构，募集资金中" + money + "被转移至实际控制人"
                    + controllerName(i) + "的个人账户，涉嫌集资诈骗。";
            case "EXCESSIVE_PROMOTION" -> "平台在电视台、地铁及门户网站大量投放广告，月均广告支出约" + between(r, 80, 900)
                    + "万元，占营业收入的" + between(r, 20, 70) + "%。";
            case "HIGH_RETURN_PROMISE" -> "平台新手标宣传年化收益率" + between(r, 13, 24) + "%，另承诺加息"
                    + between(r, 2, 6) + "%，明显高于同期市场水平。";
            case "REAL_ESTATE_FINANCING" -> "平台为购房人提供首付贷及房产“过桥”融资，涉及借款" + between(r, 20, 600)
                    + "笔，余额" + money + "。";
            case "CAMPUS_LENDING" -> "平台通过校园代理向在校大学生发放消费贷款，借款学生" + between(r, 200, 8_000) + "人，余额"
                    + money + "。";
            case "CASH_LOAN" -> "平台通过App发放无场景、无指定用途的小额现金贷款，综合年化费率超过36%，余额" + money + "。";
            default -> throw new IllegalArgumentException("no text for " + problem.code());
        };
        return chineseDate(foundOn) + "对" + i.name() + source.chinese + "发现：" + particulars;
    }

    /** 1–3 references to the documents that show it: the source's own first, then statements and screenshots. */
    private static List<String> documents(DemoData.Institution i, Source source, LocalDate foundOn, SplittableRandom r) {
        String abbreviation = Provinces.of(i.registeredProvince()).icp();
        int year = foundOn.getYear();
        String domain = i.websites().isEmpty() ? i.name() : i.websites().get(0).address();
        List<String> all = new ArrayList<>();
        all.add(switch (source) {
            case ON_SITE_INSPECTION -> abbreviation + "网贷整治办现场检查工作底稿〔" + year + "〕第" + between(r, 1, 999) + "号";
            case OFF_SITE_ANALYSIS -> abbreviation + "网贷整治办非现场监测分析报告〔" + year + "〕第" + between(r, 1, 400) + "号";
            case PUBLIC_COMPLAINT -> "群众举报登记表 JB-" + year + "-" + String.format("%04d", between(r, 1, 9999));
            case OTHER_AGENCY -> Provinces.of(i.registeredProvince()).name() + "公安厅经侦总队线索移送函〔" + year + "〕"
                    + between(r, 1, 300) + "号";
            case REGISTRY_DATA -> "一户一档排查登记表（" + i.creditCode() + "）";
        });
        all.add("询问笔录（法定代表人" + i.legalRepresentative().name() + "）");
        all.add("平台页面截图（" + domain + "，" + foundOn + "）");
        all.add((i.custodyBank() != null ? i.custodyBank() : bank(r)) + "账户交易流水（尾号"
                + String.format("%04d", r.nextInt(10_000)) + "）");
        all.add("运营数据报表（" + YearMonth.from(foundOn).minusMonths(1) + "）");
        int n = 1 + r.nextInt(3);
        List<String> chosen = new ArrayList<>(List.of(all.get(0)));
        List<String> rest = new ArrayList<>(all.subList(1, all.size()));
        while (chosen.size() < n) {
            chosen.add(rest.remove(r.nextInt(rest.size())));
        }
        return List.copyOf(chosen);
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** Yuan as Chinese text: 亿元 from 100 million, else 万元. */
    static String money(BigDecimal yuan) {
        if (yuan.compareTo(BigDecimal.valueOf(100_000_000)) >= 0) {
            return yuan.divide(BigDecimal.valueOf(100_000_000), 2, RoundingMode.HALF_UP).toPlainString() + "亿元";
        }
        return yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).toPlainString() + "万元";
    }

    static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static String percent(int hundredths) {
        return DemoData.percent(hundredths);
    }

    /** The brand: the name without its city prefix and company suffix (杭州鑫贷网络科技有限公司 → 鑫贷). */
    private static String brand(DemoData.Institution i) {
        String name = i.name();
        int start = 0;
        for (Provinces.City city : Provinces.of(i.registeredProvince()).cities()) {
            if (name.startsWith(city.shortName())) {
                start = city.shortName().length();
                break;
            }
        }
        return name.substring(start, Math.min(name.length(), start + 2));
    }

    private static String controllerName(DemoData.Institution i) {
        return i.actualControllers().isEmpty() ? i.legalRepresentative().name() : i.actualControllers().get(0).name();
    }

    private static String bank(SplittableRandom r) {
        return pick(r, new String[]{"中国工商银行", "中国建设银行", "招商银行", "中国民生银行", "兴业银行", "平安银行",
                "杭州银行", "宁波银行", "广发银行", "华夏银行"});
    }

    private static String weightedKey(SplittableRandom r, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = r.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            last = entry.getKey();
            x -= entry.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }

    /** 1-based index drawn by weight. */
    private static int pick(SplittableRandom r, int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int x = r.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return k + 1;
            }
        }
        return weights.length;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int between(SplittableRandom r, int min, int max) {
        return max <= min ? min : min + r.nextInt(max - min + 1);
    }
}
