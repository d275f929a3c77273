package cn.p2psupervision.acceptance.custodybank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * ACC-15: one version of the custody-bank whitelist (存管银行白名单): the banks that passed the custody evaluation
 * (资金存管测评) [N annex 3], central data. A version never changes: a change is the next version, naming who made it,
 * when and why.
 *
 * @param version   1, 2, …; version 1 is the list the campaign started with ({@link #SEED})
 * @param banks     the banks' names, in the order the central office gave them
 * @param changedBy who made this version; null for the seed
 * @param reason    why (at most {@value #MAX_REASON} characters)
 */
public record CustodyBankList(long version, List<String> banks, ChangedBy changedBy, Instant changedAt,
                              String reason) {

    public static final String RULE = "ACC-15";
    public static final int MAX_BANKS = 500;
    public static final int MAX_NAME = 100;
    public static final int MAX_REASON = 2000;

    /** Banks that passed the custody evaluation, as the campaign started with them. */
    public static final List<String> SEED = List.of("中国民生银行", "招商银行", "平安银行", "浙商银行", "江西银行", "华夏银行",
            "上海银行", "广发银行", "兴业银行", "中信银行", "中国工商银行", "中国建设银行", "徽商银行", "江苏银行", "厦门银行",
            "新网银行", "恒丰银行", "南京银行", "北京银行", "宁波银行");
    static final String SEED_REASON = "存管银行测评通过名单（初始名单，ACC-15）";

    /** A company form a bank's full name may end with: {@code 浙商银行股份有限公司} is {@code 浙商银行}. */
    private static final List<String> COMPANY_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司");

    public CustodyBankList {
        banks = banks == null ? List.of() : List.copyOf(banks);
    }

    /** Version 1: the seed list, made at {@code at}. */
    public static CustodyBankList seed(Instant at) {
        return new CustodyBankList(1, SEED, null, at, SEED_REASON);
    }

    /**
     * ACC-15 / ACC-02e: whether {@code bankName} is on the list: the same name without spaces, or a listed name
     * followed by its company form (股份有限公司, 有限责任公司, 有限公司).
     */
    public boolean lists(String bankName) {
        if (bankName == null || bankName.isBlank()) {
            return false;
        }
        String name = normal(bankName);
        for (String form : COMPANY_FORMS) {
            if (name.endsWith(form) && name.length() > form.length()) {
                name = name.substring(0, name.length() - form.length());
                break;
            }
        }
        for (String bank : banks) {
            if (normal(bank).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next version: the whole list as the central office gives it (1 to {@value #MAX_BANKS} names of at most
     * {@value #MAX_NAME} characters, each once), with who, when and why (a reason is required, AUTH-07).
     */
    public CustodyBankList next(List<String> newBanks, ChangedBy by, Instant at, String why) {
        return new CustodyBankList(version + 1, checked(newBanks), by, at, reason(why));
    }

    /** The values of this version as the audit trail records them. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("banks", banks);
        return values;
    }

    private static List<String> checked(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("banks", "must name at least one bank", RULE);
        }
        if (names.size() > MAX_BANKS) {
            throw new InvalidInputException("banks", "must name at most " + MAX_BANKS + " banks", RULE);
        }
        List<String> banks = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String member = "banks[" + i + "]";
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new InvalidInputException(member, "must be a bank's name", RULE);
            }
            String stated = InputPolicy.text(member, name.strip(), MAX_NAME);
            if (!seen.add(normal(stated))) {
                throw new InvalidInputException(member, "names a bank listed already", RULE);
            }
            banks.add(stated);
        }
        return banks;
    }

    private static String reason(String why) {
        if (why == null || why.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the whitelist changes", "AUTH-07");
        }
        return InputPolicy.text("reason", why.strip(), MAX_REASON);
    }

    private static String normal(String name) {
        return name.replaceAll("\\s+", "");
    }
}
