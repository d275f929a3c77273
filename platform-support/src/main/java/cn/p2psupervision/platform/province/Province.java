package cn.p2psupervision.platform.province;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 31 mainland provincial-level divisions (省级行政区) with their GB/T 2260 two-digit codes;
 * see REG-02.
 */
public enum Province {
    BEIJING("11", "Beijing", "北京"),
    TIANJIN("12", "Tianjin", "天津"),
    HEBEI("13", "Hebei", "河北"),
    SHANXI("14", "Shanxi", "山西"),
    INNER_MONGOLIA("15", "Inner Mongolia", "内蒙古"),
    LIAONING("21", "Liaoning", "辽宁"),
    JILIN("22", "Jilin", "吉林"),
    HEILONGJIANG("23", "Heilongjiang", "黑龙江"),
    SHANGHAI("31", "Shanghai", "上海"),
    JIANGSU("32", "Jiangsu", "江苏"),
    ZHEJIANG("33", "Zhejiang", "浙江"),
    ANHUI("34", "Anhui", "安徽"),
    FUJIAN("35", "Fujian", "福建"),
    JIANGXI("36", "Jiangxi", "江西"),
    SHANDONG("37", "Shandong", "山东"),
    HENAN("41", "Henan", "河南"),
    HUBEI("42", "Hubei", "湖北"),
    HUNAN("43", "Hunan", "湖南"),
    GUANGDONG("44", "Guangdong", "广东"),
    GUANGXI("45", "Guangxi", "广西"),
    HAINAN("46", "Hainan", "海南"),
    CHONGQING("50", "Chongqing", "重庆"),
    SICHUAN("51", "Sichuan", "四川"),
    GUIZHOU("52", "Guizhou", "贵州"),
    YUNNAN("53", "Yunnan", "云南"),
    TIBET("54", "Tibet", "西藏"),
    SHAANXI("61", "Shaanxi", "陕西"),
    GANSU("62", "Gansu", "甘肃"),
    QINGHAI("63", "Qinghai", "青海"),
    NINGXIA("64", "Ningxia", "宁夏"),
    XINJIANG("65", "Xinjiang", "新疆");

    private static final Map<String, Province> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Province::code, Function.identity()));

    private final String code;
    private final String englishName;
    private final String chineseName;

    Province(String code, String englishName, String chineseName) {
        this.code = code;
        this.englishName = englishName;
        this.chineseName = chineseName;
    }

    /** Looks up a province by its two-digit GB/T 2260 code, e.g. {@code "33"}. */
    public static Optional<Province> ofCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    public static boolean isValidCode(String code) {
        return ofCode(code).isPresent();
    }

    public String code() {
        return code;
    }

    public String englishName() {
        return englishName;
    }

    public String chineseName() {
        return chineseName;
    }
}
