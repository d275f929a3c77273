package cn.p2psupervision.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the incident seed records ({@link IncidentSeeder}), planned from the institutions the registry lists, before
 * anything is sent: for Zhejiang (33) and Guangdong (44) each, the {@value #INSTITUTIONS} institutions registered there
 * with the largest loan balance, {@value #OFFICER_SIGNALS} signals by the province's officer about them (every type in
 * turn) and {@value #AGENCY_SIGNALS} by the agencies (public security, market regulation), and one event in each state
 * the demo shows ({@link Scenario}), the support note's on the largest institution registered there that does business
 * in the other province (INC-09). Each event links the first signal of its institution that no other event links.
 * <p>
 * The same institutions give the same plan: signals are told apart by institution, type, text and agency, events by
 * institution and title, so that the seeder can find what an earlier run recorded and leave it as it is.
 */
final class IncidentPlan {

    static final List<String> PROVINCES = List.of("33", "44");
    /** Institutions per province the events and signals are about: "a handful". */
    static final int INSTITUTIONS = 6;
    static final int OFFICER_SIGNALS = 20;
    static final int AGENCY_SIGNALS = 3;

    /** The signal types of the incident service (INC-01), in the order the officers' signals take them. */
    static final List<String> SIGNAL_TYPES = List.of("OVERDUE_OR_RUN", "LENDER_PROTEST", "NEGATIVE_MEDIA", "RUMOUR",
            "SHAREHOLDER_TROUBLE", "EXECUTIVE_TROUBLE", "BORROWER_TROUBLE", "GUARANTEE_INSURANCE_GROUP", "OTHER");
    private static final Map<String, String> SIGNAL_TEXT = Map.of(
            "OVERDUE_OR_RUN", "平台自上周起限制提现，单日提现额度降至 1,000 元，出借人集中申请提现",
            "LENDER_PROTEST", "数十名出借人到平台办公地点要求兑付，物业报警",
            "NEGATIVE_MEDIA", "自媒体发文称平台资金池运作、标的造假，转发量较大",
            "RUMOUR", "出借人群内流传平台即将清盘的消息，来源不明",
            "SHAREHOLDER_TROUBLE", "主要股东关联企业债务违约，股权已被法院冻结",
            "EXECUTIVE_TROUBLE", "分管风控的副总经理离职后联系不上",
            "BORROWER_TROUBLE", "前五大借款人之一停产，涉及在贷余额约 8,000 万元",
            "GUARANTEE_INSURANCE_GROUP", "保证保险投保人结伙到保险公司分支机构要求理赔",
            "OTHER", "平台官网多次无法访问，客服电话无人接听");
    private static final List<String> SOURCES = List.of("媒体报道", "出借人来电", "网格员走访", "非现场监测",
            "存管银行报告", "信访登记");

    /** The agency signals of a province: agency, type, source and text. */
    private static final List<String[]> AGENCY = List.of(
            new String[]{"PUBLIC_SECURITY", "EXECUTIVE_TROUBLE", "公安机关经侦部门", "平台实际控制人近期频繁出境，疑似转移资产"},
            new String[]{"MARKET_REGULATION", "OTHER", "市场监管部门", "平台线下门店仍以保本高收益宣传理财产品，已责令整改"},
            new String[]{"PUBLIC_SECURITY", "SHAREHOLDER_TROUBLE", "公安机关经侦部门", "主要股东因涉嫌其他案件被立案侦查"});

    /** The state each seeded event is left in, with its type and what the seed does to it. */
    enum Scenario {
        OPEN("open without level", "OVERDUE_PAYMENT", "出现逾期兑付，待核实", "部分标的到期未兑付，金额待核实"),
        OTHER_CONTAINED("OTHER, containment measures", "LENDER_PETITION", "出借人到监管部门信访",
                "约 30 名出借人到地方金融监管局信访，要求督促平台兑付"),
        MAJOR_REFERRED("MAJOR, referred to public security (answered), shutdown", "FRAUD_OR_ILLEGAL_FUNDRAISING",
                "涉嫌非法吸收公众存款", "平台以虚构标的归集资金，涉嫌非法吸收公众存款"),
        ESPECIALLY_MAJOR_REPORTED("ESPECIALLY_MAJOR, watcher, plan, notified and reported on time, follow-up",
                "OVERDUE_PAYMENT", "大面积逾期，出借人聚集", "平台全面暂停兑付，出借人在公司聚集，人数持续增加"),
        ESPECIALLY_MAJOR_UNNOTIFIED("ESPECIALLY_MAJOR, watcher, not notified (breaches)", "ABSCONDING",
                "实际控制人疑似跑路", "实际控制人及财务负责人失联，办公场所人去楼空"),
        SUPPORTED("supported by the business-place province", "LENDER_PETITION", "经营地出借人维权",
                "经营地分支机构门店出借人聚集，要求兑付"),
        CLOSED("CLOSED after its plan ended", "EXIT", "良性退出，兑付完毕",
                "平台按退出方案完成兑付，存量业务清零"),
        LOST_CONTACT("institution status LOST_CONTACT", "LOST_CONTACT", "平台失联", "平台及主要负责人均无法联系，官网关闭");

        private final String label;
        private final String type;
        private final String title;
        private final String description;

        Scenario(String label, String type, String title, String description) {
            this.label = label;
            this.type = type;
            this.title = title;
            this.description = description;
        }

        String label() {
            return label;
        }

        String type() {
            return type;
        }
    }

    /** An institution as the registry lists it, for the plan. */
    record Candidate(String id, String name, String registeredProvince, List<String> businessProvinces,
                     BigDecimal loanBalance) {
    }

    /**
     * @param number     1, 2, … within the province; the officers' first, then the agencies'
     * @param agency     the posting agency ({@code PUBLIC_SECURITY}, …), or null for the province's officer
     * @param minutesAgo how long before the incident service's clock it was observed
     */
    record PlannedSignal(String province, int number, Candidate institution, String type, String source,
                         String description, String agency, int minutesAgo) {

        /** The agency's client in the realm ({@code agency-public-security}, …). */
        String agencyClient() {
            return agency == null ? null : "agency-" + agency.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param links           the numbers of the province's signals the event links when it is recorded
     * @param supportProvince the business-place province that adds a support note, or null
     */
    record PlannedEvent(String province, Scenario scenario, Candidate institution, String title,
                        String description, List<Integer> links, String supportProvince) {
    }

    /** The plan, and why a part of it was left out (e.g. no institution doing business in the other province). */
    record Plan(List<PlannedSignal> signals, List<PlannedEvent> events, List<String> notes) {

        Map<String, Long> eventsByScenario() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Scenario scenario : Scenario.values()) {
                long n = events.stream().filter(e -> e.scenario() == scenario).count();
                if (n > 0) {
                    counts.put(scenario.name(), n);
                }
            }
            return counts;
        }
    }

    private IncidentPlan() {
    }

    /** The other of the two provinces. */
    static String other(String province) {
        return "33".equals(province) ? "44" : "33";
    }

    /**
     * @param largest the institutions registered in each province, largest loan balance first (at least the first
     *                {@value #INSTITUTIONS} are used)
     * @param support per province, the largest institution registered there that does business in the other one, or
     *                none
     */
    static Plan plan(Map<String, List<Candidate>> largest, Map<String, Candidate> support) {
        List<PlannedSignal> signals = new ArrayList<>();
        List<PlannedEvent> events = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String province : PROVINCES) {
            List<Candidate> chosen = largest.getOrDefault(province, List.of()).stream()
                    .filter(c -> province.equals(c.registeredProvince())).limit(INSTITUTIONS).toList();
            if (chosen.isEmpty()) {
                notes.add("no institution registered in " + province + ": nothing planned there");
                continue;
            }
            List<PlannedSignal> own = new ArrayList<>();
            for (int j = 0; j < OFFICER_SIGNALS; j++) {
                String type = SIGNAL_TYPES.get(j % SIGNAL_TYPES.size());
                own.add(new PlannedSignal(province, j + 1, chosen.get(j % chosen.size()), type,
                        SOURCES.get(j % SOURCES.size()), SIGNAL_TEXT.get(type) + "（" + Provinces.of(province).name()
                        + "线索 " + (j + 1) + "）", null, 20 + 97 * j));
            }
            for (int k = 0; k < AGENCY_SIGNALS; k++) {
                String[] agency = AGENCY.get(k % AGENCY.size());
                own.add(new PlannedSignal(province, OFFICER_SIGNALS + k + 1, chosen.get(k % chosen.size()), agency[1],
                        agency[2], agency[3] + "（" + Provinces.of(province).name() + "协查线索 " + (k + 1) + "）",
                        agency[0], 45 + 180 * k));
            }
            signals.addAll(own);

            Set<Integer> linked = new HashSet<>();
            int next = 0;
            for (Scenario scenario : Scenario.values()) {
                Candidate institution;
                String supportProvince = null;
                if (scenario == Scenario.SUPPORTED) {
                    institution = support.get(province);
                    if (institution == null) {
                        notes.add("no institution registered in " + province + " does business in " + other(province)
                                + ": no event with a support note there");
                        continue;
                    }
                    supportProvince = other(province);
                } else {
                    institution = chosen.get(next++ % chosen.size());
                }
                List<Integer> links = new ArrayList<>();
                for (PlannedSignal signal : own) {
                    if (signal.agency() == null && signal.institution().id().equals(institution.id())
                            && linked.add(signal.number())) {
                        links.add(signal.number());
                        break;
                    }
                }
                events.add(new PlannedEvent(province, scenario, institution, title(institution, scenario),
                        scenario.description, List.copyOf(links), supportProvince));
            }
        }
        return new Plan(List.copyOf(signals), List.copyOf(events), List.copyOf(notes));
    }

    /** The event's title: the institution's name and what happened, at most 200 characters. */
    static String title(Candidate institution, Scenario scenario) {
        String title = institution.name() + scenario.title;
        return title.codePointCount(0, title.length()) <= 200 ? title
                : title.substring(title.offsetByCodePoints(0, title.codePointCount(0, title.length()) - 200));
    }

    /**
     * The breaches an especially major event never notified has once the incident service runs on real time again,
     * when it was recorded with the service's clock {@code behind} real time: its notification is due 2 h and its
     * written report 4 h after it was recorded (INC-06).
     */
    static int breachesOnceBack(Duration behind) {
        return (behind.compareTo(Duration.ofHours(2)) > 0 ? 1 : 0) + (behind.compareTo(Duration.ofHours(4)) > 0 ? 1 : 0);
    }
}
