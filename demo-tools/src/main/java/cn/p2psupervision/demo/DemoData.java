package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A deterministic, realistic demo data set: institutions over all 31 provinces in the proportions of {@link Provinces},
 * controller groups, cross-region branches, and monthly operating reports of four shapes. The same (count, seed,
 * until, months) always gives the same data, byte for byte, so that importing it again changes nothing.
 */
final class DemoData {

    /** How an institution's operating figures develop over the reported months. */
    enum Shape {
        /** Growth with noise (about 70 %). */
        STEADY,
        /** Loan balance more than doubles within six months, late in the series (about 10 %). */
        FAST_GROWTH,
        /** Loan balance falls to zero and stays there for the last four months or more (about 10 %). */
        COLLAPSE,
        /** No new lending in the last four months or more; the book runs off (about 10 %). */
        LENDING_STOPPED
    }

    record Person(String name, String idNumber) {
    }

    /** {@code type} PERSON or ENTITY; {@code identifier} an id number or credit code, or null (named only). */
    record Holder(String name, String type, int shareHundredths, String identifier) {
    }

    record Controller(String name, String type, String identifier) {
    }

    record Branch(String name, String province, String city, String address) {
    }

    record Website(String kind, String address, String icpNumber) {
    }

    record Institution(int index, String creditCode, String name, String registeredProvince, String registeredAddress,
                       Person legalRepresentative, long registeredCapitalYuan, LocalDate establishedOn,
                       LocalDate lendingStartedOn, String custodyBank, String entityKind, String cooperatingBank,
                       String status, boolean inScope, List<Website> websites, List<Holder> shareholders,
                       List<Controller> actualControllers, List<Branch> branches, String source, Shape shape,
                       YearMonth firstReport, int group) {

        boolean crossRegion() {
            return branches.stream().anyMatch(b -> !b.province().equals(registeredProvince));
        }
    }

    /** One monthly report; money in fen (hundredths of a yuan), the overdue rate in hundredths of a percent. */
    record Report(String creditCode, YearMonth period, long loanBalance, long lenders, long borrowers, long newLending,
                  long overdueAmount, int overdueRate) {
    }

    static final List<String> INSTITUTION_COLUMNS = List.of("creditCode", "name", "registeredProvince",
            "registeredAddress", "legalRepresentative", "legalRepresentativeIdNumber", "registeredCapital",
            "establishedOn", "lendingStartedOn", "custodyBank", "entityKind", "cooperatingBank", "status", "inScope",
            "websites", "shareholders", "actualControllers", "branches", "source", "asOf");

    static final List<String> REPORT_COLUMNS = List.of("creditCode", "period", "loanBalance", "lenders", "borrowers",
            "newLending", "overdueAmount", "overdueRate", "source");

    private static final String[] BRAND_FIRST = {"融", "信", "鑫", "金", "汇", "财", "宝", "盈", "利", "安", "富", "恒",
            "达", "聚", "联", "诚", "银", "优", "易", "乐", "点", "快", "民", "众", "普", "惠", "德", "宜", "嘉", "瑞",
            "泰", "华", "中", "东", "红", "投", "道", "新", "天", "万"};
    private static final String[] BRAND_FIRST_PINYIN = {"rong", "xin", "xin", "jin", "hui", "cai", "bao", "ying", "li",
            "an", "fu", "heng", "da", "ju", "lian", "cheng", "yin", "you", "yi", "le", "dian", "kuai", "min", "zhong",
            "pu", "hui", "de", "yi", "jia", "rui", "tai", "hua", "zhong", "dong", "hong", "tou", "dao", "xin", "tian",
            "wan"};
    private static final String[] BRAND_SECOND = {"贷", "宝", "通", "盈", "融", "财", "汇", "付", "网", "投", "信", "达",
            "赢", "家", "鼎", "升", "丰", "利", "源", "盛", "邦", "合", "诺", "悦", "润", "星", "桥", "链", "秒", "金"};
    private static final String[] BRAND_SECOND_PINYIN = {"dai", "bao", "tong", "ying", "rong", "cai", "hui", "fu",
            "wang", "tou", "xin", "da", "ying", "jia", "ding", "sheng", "feng", "li", "yuan", "sheng", "bang", "he",
            "nuo", "yue", "run", "xing", "qiao", "lian", "miao", "jin"};
    private static final String[] COMPANY_SUFFIX = {"网络科技有限公司", "金融信息服务有限公司", "互联网金融信息服务有限公司",
            "投资管理有限公司", "电子商务有限公司", "信息技术有限公司", "资产管理有限公司", "科技股份有限公司"};
    private static final String[] DOMAIN_SUFFIX = {".com", ".com.cn", ".cn", "dai.com", "jr.com", ".net"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
            "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",
            "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白",
            "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "华", "建国", "志明", "海波", "宏伟", "晓东", "永辉", "俊峰",
            "文", "斌", "婷", "鹏", "辉", "宇", "浩", "凯", "晨", "欣", "怡", "立新", "国强", "振华", "春燕", "建华",
            "子豪", "思远", "家乐", "天佑", "嘉怡"};
    private static final String[] ROADS = {"人民路", "中山路", "解放路", "建设路", "长江路", "南京路", "金融街", "世纪大道",
            "深南大道", "文三路", "科技园路", "滨江大道", "东方路", "高新大道", "和平路", "新华路", "光华路", "天府大道"};
    private static final String[] BUILDINGS = {"国际金融中心", "财富大厦", "环球中心", "金融港", "科技大厦", "商务中心",
            "国贸中心", "时代广场", "创业大厦", "万达广场"};
    private static final String[] BANKS = {"中国工商银行", "中国建设银行", "招商银行", "上海浦东发展银行", "中国民生银行",
            "兴业银行", "华夏银行", "平安银行", "江西银行", "徽商银行", "厦门银行", "恒丰银行", "广发银行", "中信银行",
            "中国光大银行", "上海银行", "北京银行", "杭州银行", "南京银行", "宁波银行"};
    private static final long[] CAPITALS = {10_000_000L, 20_000_000L, 30_000_000L, 50_000_000L, 100_000_000L,
            200_000_000L, 500_000_000L, 1_000_000_000L};
    private static final int[] CAPITAL_WEIGHTS = {25, 15, 10, 20, 15, 8, 5, 2};

    private final int count;
    private final long seed;
    private final YearMonth until;
    private final int months;
    private final LocalDate asOf;
    private final List<Institution> institutions;

    private DemoData(int count, long seed, YearMonth until, int months, LocalDate asOf, List<Institution> institutions) {
        this.count = count;
        this.seed = seed;
        this.until = until;
        this.months = months;
        this.asOf = asOf;
        this.institutions = institutions;
    }

    List<Institution> institutions() {
        return institutions;
    }

    YearMonth until() {
        return until;
    }

    int months() {
        return months;
    }

    /** The first month of the reporting window. */
    YearMonth firstPeriod() {
        return until.minusMonths(months - 1L);
    }

    /**
     * @param count  institutions, at least 1
     * @param seed   the random seed; with the other arguments it determines the data completely
     * @param until  the last reported month (not after the current month)
     * @param months reported months, at least 12
     * @param today  the date imported facts are stated as of at the latest, and the bound of every date
     */
    static DemoData generate(int count, long seed, YearMonth until, int months, LocalDate today) {
        if (count < 1 || months < 12 || YearMonth.from(today).isBefore(until)) {
            throw new IllegalArgumentException("need count >= 1, months >= 12 and until not in the future");
        }
        LocalDate asOf = until.atEndOfMonth().isAfter(today) ? today : until.atEndOfMonth();
        return new Generator(count, seed, until, months, asOf).run();
    }

    // ---------------------------------------------------------------------------------------------------- the CSVs

    /** The institutions as the registry's CSV import reads them (REG-05 columns). */
    void writeInstitutions(Writer out) {
        try {
            out.write(String.join(",", INSTITUTION_COLUMNS));
            out.write("\n");
            for (Institution i : institutions) {
                Csv.row(out, i.creditCode(), i.name(), i.registeredProvince(), i.registeredAddress(),
                        i.legalRepresentative().name(), i.legalRepresentative().idNumber(),
                        yuan(i.registeredCapitalYuan() * 100), i.establishedOn().toString(),
                        i.lendingStartedOn().toString(), i.custodyBank(), i.entityKind(), i.cooperatingBank(),
                        i.status(), Boolean.toString(i.inScope()),
                        i.websites().stream().map(w -> w.kind() + "|" + w.address() + "|" + w.icpNumber())
                                .collect(Collectors.joining(";")),
                        i.shareholders().stream().map(h -> h.name() + "|" + h.type() + "|"
                                + percent(h.shareHundredths()) + "|" + nullToEmpty(h.identifier()))
                                .collect(Collectors.joining(";")),
                        i.actualControllers().stream().map(c -> c.name() + "|" + c.type() + "|"
                                + nullToEmpty(c.identifier())).collect(Collectors.joining(";")),
                        i.branches().stream().map(b -> b.name() + "|" + b.province() + "|" + b.city() + "|"
                                + b.address()).collect(Collectors.joining(";")),
                        i.source(), asOf.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every institution's monthly reports, institution by institution; returns the number of rows. */
    long writeReports(Writer out) {
        long rows = 0;
        try {
            out.write(String.join(",", REPORT_COLUMNS));
            out.write("\n");
            for (Institution institution : institutions) {
                for (Report r : reportsOf(institution)) {
                    Csv.row(out, r.creditCode(), r.period().toString(), yuan(r.loanBalance()),
                            Long.toString(r.lenders()), Long.toString(r.borrowers()), yuan(r.newLending()),
                            yuan(r.overdueAmount()), percent(r.overdueRate()), "INDUSTRY_DATABASE");
                    rows++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Counts of the data set's features, for the seeder's summary. */
    Map<String, Long> summary() {
        Map<String, Long> summary = new java.util.LinkedHashMap<>();
        summary.put("institutions", (long) institutions.size());
        summary.put("crossRegion", institutions.stream().filter(Institution::crossRegion).count());
        summary.put("inGroups", institutions.stream().filter(i -> i.group() >= 0).count());
        summary.put("groups", institutions.stream().filter(i -> i.group() >= 0).map(Institution::group).distinct().count());
        summary.put("controllersNamedOnly", institutions.stream().flatMap(i -> i.actualControllers().stream())
                .filter(c -> c.identifier() == null).count());
        for (Shape shape : Shape.values()) {
            summary.put(shape.name(), institutions.stream().filter(i -> i.shape() == shape).count());
        }
        return summary;
    }

    // ------------------------------------------------------------------------------------------------ the reports

    /** The institution's monthly reports from its first reported month to {@link #until}, deterministically. */
    List<Report> reportsOf(Institution institution) {
        SplittableRandom r = new SplittableRandom(mix(seed, count, institution.index(), 0x5EED_4E50L));
        YearMonth first = institution.firstReport();
        int n = (int) (first.until(until, java.time.temporal.ChronoUnit.MONTHS) + 1);
        boolean lateEntrant = first.isAfter(firstPeriod());
        double balance = lateEntrant ? Math.exp(logNormal(r, Math.log(5e6), 1.0))
                : Math.exp(logNormal(r, Math.log(3e7), 1.3));
        balance = Math.min(Math.max(balance, 500_000), 5e10);
        double term = 3 + r.nextInt(16);
        double perLender = r.nextDouble() < 0.6 ? uniform(r, 10_000, 40_000) : uniform(r, 40_000, 120_000);
        double perBorrower = r.nextDouble() < 0.6 ? uniform(r, 5_000, 30_000) : uniform(r, 50_000, 300_000);
        double baseRate = uniform(r, 0.2, 6.0);
        double trend = uniform(r, -0.005, 0.04);
        if (lateEntrant) {
            trend += 0.04;
        }
        int surgeStart = -1;
        int zeroFrom = -1;
        int declineFrom = -1;
        int stopFrom = -1;
        double surge = 0;
        switch (institution.shape()) {
            case FAST_GROWTH -> {
                surgeStart = between(r, Math.max(1, n - 12), Math.max(1, n - 6));
                surge = uniform(r, 0.14, 0.20);
            }
            case COLLAPSE -> {
                zeroFrom = between(r, Math.max(3, n - 14), n - 4);
                declineFrom = Math.max(1, zeroFrom - between(r, 1, 3));
            }
            case LENDING_STOPPED -> stopFrom = n - between(r, 4, Math.min(9, n - 2));
            default -> {
            }
        }
        List<Report> reports = new ArrayList<>(n);
        double previous = 0;
        double rate = baseRate;
        for (int t = 0; t < n; t++) {
            double newLending;
            if (t > 0) {
                double repaid = previous / term;
                if (zeroFrom >= 0 && t >= zeroFrom) {
                    balance = 0;
                } else if (declineFrom >= 0 && t >= declineFrom) {
                    balance = previous * uniform(r, 0.4, 0.7);
                    rate = Math.min(100, rate + uniform(r, 6, 15));
                } else if (stopFrom >= 0 && t >= stopFrom) {
                    balance = previous - repaid;
                    rate = Math.min(100, rate + uniform(r, 0.5, 3));
                } else if (surgeStart >= 0 && t >= surgeStart) {
                    balance = previous * (1 + surge + uniform(r, -0.01, 0.01));
                } else {
                    balance = Math.max(200_000, previous * (1 + trend + gaussian(r) * 0.035));
                }
                balance = Math.min(balance, 9e11);
                boolean stopped = stopFrom >= 0 && t >= stopFrom || zeroFrom >= 0 && t >= zeroFrom;
                newLending = stopped ? 0 : Math.max(0, balance - previous + repaid);
                if (!(declineFrom >= 0 && t >= declineFrom) && !(stopFrom >= 0 && t >= stopFrom)) {
                    rate = Math.max(0, Math.min(100, baseRate + gaussian(r) * 0.4 + (rate - baseRate) * 0.5));
                }
            } else {
                newLending = balance / term * uniform(r, 0.9, 1.2);
            }
            previous = balance;
            long balanceFen = Math.round(balance * 100);
            long lenders = balanceFen == 0 ? 0 : Math.max(1, Math.round(balance / perLender * uniform(r, 0.97, 1.03)));
            long borrowers = balanceFen == 0 ? 0 : Math.max(1, Math.round(balance / perBorrower * uniform(r, 0.97, 1.03)));
            int rateHundredths = balanceFen == 0 ? 0 : (int) Math.round(rate * 100);
            long overdueFen = balanceFen == 0 ? 0
                    : Math.min(balanceFen, Math.round(balanceFen * (rateHundredths / 10_000.0)));
            reports.add(new Report(institution.creditCode(), first.plusMonths(t), balanceFen, lenders, borrowers,
                    Math.round(newLending * 100), overdueFen, rateHundredths));
        }
        return reports;
    }

    // ------------------------------------------------------------------------------------------------- generation

    /** Builds the institutions: province, shape, cross-region and group quotas first, then each institution. */
    private static final class Generator {
        private final int count;
        private final long seed;
        private final YearMonth until;
        private final int months;
        private final LocalDate asOf;
        private final SplittableRandom rng;
        private final long codeOffset;
        private final Set<String> names = new HashSet<>();
        private final Set<String> domains = new HashSet<>();
        private final Set<String> idNumbers = new HashSet<>();
        private long corporateHolders;

        Generator(int count, long seed, YearMonth until, int months, LocalDate asOf) {
            this.count = count;
            this.seed = seed;
            this.until = until;
            this.months = months;
            this.asOf = asOf;
            this.rng = new SplittableRandom(mix(seed, count, -1, 0x1A5E_C0DEL));
            this.codeOffset = Math.floorMod(mix(seed, count, -2, 0x0C0DEL), 100_000_000L);
        }

        DemoData run() {
            List<String> provinces = provinceQuotas();
            List<Shape> shapes = quotas(Map.of(Shape.STEADY, 0.70, Shape.FAST_GROWTH, 0.10, Shape.COLLAPSE, 0.10,
                    Shape.LENDING_STOPPED, 0.10), Shape.STEADY);
            List<Boolean> crossRegion = quotas(Map.of(Boolean.TRUE, 0.20, Boolean.FALSE, 0.80), Boolean.FALSE);
            int[] groupOf = new int[count];
            List<Controller> groupControllers = new ArrayList<>();
            List<String[]> groupBrands = new ArrayList<>();
            formGroups(provinces, groupOf, groupControllers, groupBrands);
            List<Institution> institutions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int group = groupOf[i];
                institutions.add(institution(i, provinces.get(i), shapes.get(i), crossRegion.get(i), group,
                        group < 0 ? null : groupControllers.get(group), group < 0 ? null : groupBrands.get(group)));
            }
            return new DemoData(count, seed, until, months, asOf, List.copyOf(institutions));
        }

        /** Exact shares by largest remainder, every province at least once when there are 31 or more, shuffled. */
        private List<String> provinceQuotas() {
            List<Provinces.Province> all = Provinces.ALL;
            int[] quota = new int[all.size()];
            double[] remainder = new double[all.size()];
            int assigned = 0;
            int minimum = count >= all.size() ? 1 : 0;
            for (int p = 0; p < all.size(); p++) {
                double exact = count * all.get(p).weight() / Provinces.totalWeight();
                quota[p] = Math.max(minimum, (int) Math.floor(exact));
                remainder[p] = exact - Math.floor(exact);
                assigned += quota[p];
            }
            while (assigned < count) {
                int best = 0;
                for (int p = 1; p < all.size(); p++) {
                    if (remainder[p] > remainder[best]) {
                        best = p;
                    }
                }
                quota[best]++;
                remainder[best] = -1;
                assigned++;
            }
            while (assigned > count) { // only when the minimum of one each overshot: take from the largest
                int largest = 0;
                for (int p = 1; p < all.size(); p++) {
                    if (quota[p] > quota[largest]) {
                        largest = p;
                    }
                }
                quota[largest]--;
                assigned--;
            }
            List<String> list = new ArrayList<>(count);
            for (int p = 0; p < all.size(); p++) {
                for (int k = 0; k < quota[p]; k++) {
                    list.add(all.get(p).code());
                }
            }
            shuffle(list);
            return list;
        }

        private <T> List<T> quotas(Map<T, Double> shares, T rest) {
            List<T> list = new ArrayList<>(count);
            shares.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Object::toString)))
                    .filter(e -> !e.getKey().equals(rest))
                    .forEach(e -> {
                        long n = Math.round(count * e.getValue());
                        for (long k = 0; k < n && list.size() < count; k++) {
                            list.add(e.getKey());
                        }
                    });
            while (list.size() < count) {
                list.add(rest);
            }
            shuffle(list);
            return list;
        }

        /** About 10 % of the institutions in groups of 2–4 under one actual controller; half the groups span provinces. */
        private void formGroups(List<String> provinces, int[] groupOf, List<Controller> controllers,
                                List<String[]> brands) {
            java.util.Arrays.fill(groupOf, -1);
            int target = (int) Math.round(count * 0.10);
            if (target < 2) {
                return;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            shuffle(order);
            Deque<Integer> global = new ArrayDeque<>(order);
            Map<String, Deque<Integer>> byProvince = new HashMap<>();
            for (int i : order) {
                byProvince.computeIfAbsent(provinces.get(i), p -> new ArrayDeque<>()).add(i);
            }
            int grouped = 0;
            while (grouped < target - 1) {
                int size = Math.min(2 + rng.nextInt(3), target - grouped);
                if (size < 2) {
                    break;
                }
                Integer anchor = next(global, groupOf);
                if (anchor == null) {
                    break;
                }
                int group = controllers.size();
                List<Integer> members = new ArrayList<>(List.of(anchor));
                groupOf[anchor] = group;
                boolean acrossProvinces = rng.nextDouble() < 0.5;
                while (members.size() < size) {
                    Integer member = acrossProvinces ? next(global, groupOf) : next(byProvince.get(provinces.get(anchor)), groupOf);
                    if (member == null) {
                        member = next(global, groupOf);
                    }
                    if (member == null) {
                        break;
                    }
                    groupOf[member] = group;
                    members.add(member);
                }
                grouped += members.size();
                Provinces.City city = city(Provinces.of(provinces.get(anchor)), rng);
                String[] brand = brand(rng);
                brands.add(brand);
                if (rng.nextDouble() < 0.8) {
                    controllers.add(new Controller(personName(rng), "PERSON", idNumber(city, rng)));
                } else {
                    controllers.add(new Controller(city.shortName() + brand[0] + "控股集团有限公司", "ENTITY",
                            Identifiers.creditCode(city.area(), organisationNumber(50_000_000L + group))));
                }
            }
        }

        private static Integer next(Deque<Integer> queue, int[] groupOf) {
            while (queue != null && !queue.isEmpty()) {
                int candidate = queue.poll();
                if (groupOf[candidate] < 0) {
                    return candidate;
                }
            }
            return null;
        }

        private Institution institution(int index, String provinceCode, Shape shape, boolean crossRegion, int group,
                                        Controller groupController, String[] groupBrand) {
            SplittableRandom r = new SplittableRandom(mix(seed, count, index, 0x1257_17L));
            Provinces.Province province = Provinces.of(provinceCode);
            Provinces.City city = city(province, r);
            String creditCode = Identifiers.creditCode(city.area(), organisationNumber(index));

            String[] brand = groupBrand != null && r.nextDouble() < 0.7 ? groupBrand : brand(r);
            String name = null;
            for (int attempt = 0; name == null || !names.add(name); attempt++) {
                if (attempt > 0 && attempt % 4 == 0) {
                    brand = brand(r);
                }
                String brandText = attempt >= 12 ? brand[0] + BRAND_FIRST[r.nextInt(BRAND_FIRST.length)] : brand[0];
                name = city.shortName() + brandText + pick(r, COMPANY_SUFFIX);
            }
            String address = address(province, city, r);
            Person legalRepresentative = new Person(personName(r), idNumber(city, r));

            YearMonth firstPeriod = until.minusMonths(months - 1L);
            YearMonth firstReport = firstPeriod;
            if (months > 24 && r.nextDouble() < 0.10) {
                firstReport = firstPeriod.plusMonths(1 + r.nextInt(months - 24));
            }
            LocalDate lendingLatest = min(firstReport.atEndOfMonth(), asOf);
            LocalDate lendingEarliest = firstReport.equals(firstPeriod)
                    ? firstPeriod.minusMonths(48).atDay(1) : firstReport.atDay(1);
            LocalDate lendingStartedOn = dateBetween(r, lendingEarliest, lendingLatest);
            LocalDate establishedOn = dateBetween(r, lendingStartedOn.minusMonths(30), lendingStartedOn);

            double custodyChance = shape == Shape.COLLAPSE ? 0.1 : 0.35;
            String custodyBank = r.nextDouble() < custodyChance ? pick(r, BANKS) : null;
            double kind = r.nextDouble();
            String entityKind = kind < 0.85 ? "ONLINE_PLATFORM" : kind < 0.93 ? "COMPREHENSIVE_PLATFORM"
                    : kind < 0.98 ? "OFFLINE_ENTITY" : "BANK_COOPERATION";
            String cooperatingBank = "BANK_COOPERATION".equals(entityKind) ? pick(r, BANKS) : null;
            String status = switch (shape) {
                case COLLAPSE -> weighted(r, new String[]{"LOST_CONTACT", "ABSCONDED", "SUSPENDED", "EXITED"},
                        new int[]{35, 25, 25, 15});
                case LENDING_STOPPED -> weighted(r, new String[]{"OPERATING", "TRANSFORMED", "EXITED"},
                        new int[]{50, 30, 20});
                default -> "OPERATING";
            };
            boolean inScope = r.nextDouble() >= 0.03;

            List<Website> websites = new ArrayList<>();
            String domain = null;
            for (int attempt = 0; domain == null || !domains.add(domain); attempt++) {
                domain = "www." + brand[1] + (attempt == 0 ? "" : Integer.toString(attempt)) + pick(r, DOMAIN_SUFFIX);
            }
            String icp = province.icp() + "ICP备" + (10_000_000 + r.nextInt(90_000_000)) + "号";
            websites.add(new Website("WEBSITE", domain, icp + "-1"));
            if (r.nextDouble() < 0.4) {
                websites.add(new Website("APP", brand[0] + "App", icp + "-2"));
            }

            Controller controller = groupController;
            if (controller == null && r.nextDouble() < 0.97) {
                controller = r.nextDouble() < 0.08 ? new Controller(personName(r), "PERSON", null)
                        : new Controller(personName(r), "PERSON", idNumber(city, r));
            }
            List<Holder> shareholders = shareholders(r, controller, city);
            List<Controller> controllers = controller == null ? List.of() : List.of(controller);
            if (controller != null && "PERSON".equals(controller.type()) && r.nextDouble() < 0.4) {
                legalRepresentative = new Person(controller.name(), controller.identifier());
            }
            List<Branch> branches = branches(r, province, name, crossRegion);
            String source = weighted(r, new String[]{"INDUSTRY_DATABASE", "BUSINESS_REGISTRATION",
                    "THIRD_PARTY_STATISTICS", "BIG_DATA_SEARCH"}, new int[]{60, 20, 10, 10});
            return new Institution(index, creditCode, name, provinceCode, address, legalRepresentative,
                    weightedCapital(r), establishedOn, lendingStartedOn, custodyBank, entityKind, cooperatingBank,
                    status, inScope, List.copyOf(websites), shareholders, controllers, branches, source, shape,
                    firstReport, group);
        }

        /** The controller (if any) holds the largest share; the others split the rest; shares total 100 % at most. */
        private List<Holder> shareholders(SplittableRandom r, Controller controller, Provinces.City city) {
            List<Holder> holders = new ArrayList<>();
            int remaining = 10_000;
            if (controller != null) {
                int share = "ENTITY".equals(controller.type()) ? between(r, 5_100, 10_000) : between(r, 3_500, 9_000);
                holders.add(new Holder(controller.name(), controller.type(), share, controller.identifier()));
                remaining -= share;
            }
            int others = remaining == 0 ? 0 : 1 + r.nextInt(3);
            boolean unlisted = r.nextDouble() < 0.1;
            for (int k = 0; k < others && remaining > 0; k++) {
                int share = k == others - 1 && !unlisted ? remaining : between(r, 1, Math.max(1, remaining * 2 / 3));
                remaining -= share;
                if (r.nextDouble() < 0.7) {
                    holders.add(new Holder(personName(r), "PERSON", share, idNumber(city, r)));
                } else {
                    long number = 60_000_000L + corporateHolders++;
                    holders.add(new Holder(city.shortName() + brand(r)[0] + "投资有限公司", "ENTITY", share,
                            Identifiers.creditCode(city.area(), organisationNumber(number))));
                }
            }
            return List.copyOf(holders);
        }

        /** Cross-region: branches in 1–5 other provinces; otherwise sometimes 1–2 branches at home. */
        private List<Branch> branches(SplittableRandom r, Provinces.Province home, String name, boolean crossRegion) {
            List<Branch> branches = new ArrayList<>();
            String shortName = name.substring(0, Math.min(name.length(), 4));
            if (crossRegion) {
                int wanted = 1 + r.nextInt(5);
                Set<String> chosen = new LinkedHashSet<>();
                while (chosen.size() < wanted) {
                    Provinces.Province other = weightedProvince(r);
                    if (!other.code().equals(home.code())) {
                        chosen.add(other.code());
                    }
                }
                for (String code : chosen) {
                    Provinces.Province province = Provinces.of(code);
                    Provinces.City city = city(province, r);
                    branches.add(new Branch(shortName + city.shortName() + "分公司", code, city.name(),
                            address(province, city, r)));
                }
            } else if (r.nextDouble() < 0.25) {
                Provinces.City city = city(home, r);
                branches.add(new Branch(shortName + city.shortName() + "营业部", home.code(), city.name(),
                        address(home, city, r)));
            }
            return List.copyOf(branches);
        }

        private Provinces.Province weightedProvince(SplittableRandom r) {
            double x = r.nextDouble() * Provinces.totalWeight();
            for (Provinces.Province p : Provinces.ALL) {
                x -= p.weight();
                if (x < 0) {
                    return p;
                }
            }
            return Provinces.ALL.get(Provinces.ALL.size() - 1);
        }

        private long weightedCapital(SplittableRandom r) {
            int total = java.util.Arrays.stream(CAPITAL_WEIGHTS).sum();
            int x = r.nextInt(total);
            for (int k = 0; k < CAPITALS.length; k++) {
                x -= CAPITAL_WEIGHTS[k];
                if (x < 0) {
                    return CAPITALS[k];
                }
            }
            return CAPITALS[0];
        }

        private String idNumber(Provinces.City city, SplittableRandom r) {
            String number;
            do {
                String area = city.area().substring(0, 4) + String.format("%02d", 1 + r.nextInt(8));
                LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(33 * 365));
                number = Identifiers.idNumber(area, birth.toString().replace("-", ""), r.nextInt(1000));
            } while (!idNumbers.add(number));
            return number;
        }

        private long organisationNumber(long index) {
            // a bijection on 0..10^8-1 (the multiplier is prime to 10^8): distinct indices give distinct codes
            return Math.floorMod(index * 73_939_133L + codeOffset, 100_000_000L);
        }

        private <T> void shuffle(List<T> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                Collections.swap(list, i, rng.nextInt(i + 1));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static String[] brand(SplittableRandom r) {
        int a = r.nextInt(BRAND_FIRST.length);
        int b = r.nextInt(BRAND_SECOND.length);
        return new String[]{BRAND_FIRST[a] + BRAND_SECOND[b], BRAND_FIRST_PINYIN[a] + BRAND_SECOND_PINYIN[b]};
    }

    private static String personName(SplittableRandom r) {
        return pick(r, SURNAMES) + pick(r, GIVEN);
    }

    private static Provinces.City city(Provinces.Province province, SplittableRandom r) {
        // the first city is the province's financial centre: weights 1, 1/2, 1/3, ...
        List<Provinces.City> cities = province.cities();
        double total = 0;
        for (int k = 0; k < cities.size(); k++) {
            total += 1.0 / (k + 1);
        }
        double x = r.nextDouble() * total;
        for (int k = 0; k < cities.size(); k++) {
            x -= 1.0 / (k + 1);
            if (x < 0) {
                return cities.get(k);
            }
        }
        return cities.get(0);
    }

    private static String address(Provinces.Province province, Provinces.City city, SplittableRandom r) {
        return province.name() + city.name()
                + pick(r, ROADS) + (1 + r.nextInt(999)) + "号" + pick(r, BUILDINGS) + (2 + r.nextInt(38)) + "层";
    }

    private static String weighted(SplittableRandom r, String[] values, int[] weights) {
        int x = r.nextInt(java.util.Arrays.stream(weights).sum());
        for (int k = 0; k < values.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return values[k];
            }
        }
        return values[0];
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int between(SplittableRandom r, int min, int max) {
        return max <= min ? min : min + r.nextInt(max - min + 1);
    }

    private static double uniform(SplittableRandom r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller on the split random, so that the sequence depends on the seed only
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double logNormal(SplittableRandom r, double mu, double sigma) {
        return mu + sigma * gaussian(r);
    }

    private static LocalDate dateBetween(SplittableRandom r, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? to : from.plusDays(r.nextLong(days + 1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A 64-bit mix of the inputs (splitmix64 finaliser), for independent per-institution random streams. */
    static long mix(long seed, long count, long index, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + count;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + index;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL + stream;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }

    /** Money: fen as yuan with two decimals, e.g. 125000000 → "1250000.00". */
    static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    /** Hundredths of a percent as a percent with two decimals, e.g. 850 → "8.50". */
    static String percent(int hundredths) {
        return (hundredths / 100) + "." + String.format("%02d", hundredths % 100);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Rows of each shape, for tests and the summary. */
    static Map<Shape, Long> shapes(List<Institution> institutions) {
        Map<Shape, Long> counts = new EnumMap<>(Shape.class);
        institutions.forEach(i -> counts.merge(i.shape(), 1L, Long::sum));
        return counts;
    }
}
