package cn.p2psupervision.demo;

import java.util.List;

/**
 * The 31 provincial-level divisions (GB/T 2260 codes, as the registry's {@code Province}), with the share of the
 * demo institutions registered in each: heavy in Beijing, Shanghai, Zhejiang and Guangdong as the campaign's base list
 * was, the rest spread over the other 27 roughly by the size of their lending markets.
 */
final class Provinces {

    record City(String name, String shortName, String area) {
    }

    /**
     * @param weight   percent of institutions registered here
     * @param icp      the abbreviation in ICP filing numbers (京ICP备…)
     */
    record Province(String code, String name, String icp, double weight, List<City> cities) {
    }

    static final List<Province> ALL = List.of(
            p("11", "北京市", "京", 18.0, c("朝阳区", "北京", "110105"), c("海淀区", "北京", "110108"),
                    c("西城区", "北京", "110102"), c("东城区", "北京", "110101")),
            p("12", "天津市", "津", 1.2, c("和平区", "天津", "120101"), c("滨海新区", "天津", "120116")),
            p("13", "河北省", "冀", 1.2, c("石家庄市", "石家庄", "130100"), c("唐山市", "唐山", "130200"),
                    c("保定市", "保定", "130600")),
            p("14", "山西省", "晋", 0.7, c("太原市", "太原", "140100"), c("大同市", "大同", "140200")),
            p("15", "内蒙古自治区", "蒙", 0.5, c("呼和浩特市", "呼和浩特", "150100"), c("包头市", "包头", "150200")),
            p("21", "辽宁省", "辽", 1.2, c("沈阳市", "沈阳", "210100"), c("大连市", "大连", "210200")),
            p("22", "吉林省", "吉", 0.6, c("长春市", "长春", "220100"), c("吉林市", "吉林", "220200")),
            p("23", "黑龙江省", "黑", 0.6, c("哈尔滨市", "哈尔滨", "230100"), c("大庆市", "大庆", "230600")),
            p("31", "上海市", "沪", 14.0, c("浦东新区", "上海", "310115"), c("黄浦区", "上海", "310101"),
                    c("徐汇区", "上海", "310104"), c("长宁区", "上海", "310105")),
            p("32", "江苏省", "苏", 4.5, c("南京市", "南京", "320100"), c("苏州市", "苏州", "320500"),
                    c("无锡市", "无锡", "320200")),
            p("33", "浙江省", "浙", 14.0, c("杭州市", "杭州", "330100"), c("宁波市", "宁波", "330200"),
                    c("温州市", "温州", "330300"), c("金华市", "金华", "330700")),
            p("34", "安徽省", "皖", 1.5, c("合肥市", "合肥", "340100"), c("芜湖市", "芜湖", "340200")),
            p("35", "福建省", "闽", 2.0, c("福州市", "福州", "350100"), c("厦门市", "厦门", "350200"),
                    c("泉州市", "泉州", "350500")),
            p("36", "江西省", "赣", 1.0, c("南昌市", "南昌", "360100"), c("赣州市", "赣州", "360700")),
            p("37", "山东省", "鲁", 4.0, c("济南市", "济南", "370100"), c("青岛市", "青岛", "370200"),
                    c("烟台市", "烟台", "370600")),
            p("41", "河南省", "豫", 1.5, c("郑州市", "郑州", "410100"), c("洛阳市", "洛阳", "410300")),
            p("42", "湖北省", "鄂", 2.0, c("武汉市", "武汉", "420100"), c("宜昌市", "宜昌", "420500")),
            p("43", "湖南省", "湘", 1.5, c("长沙市", "长沙", "430100"), c("株洲市", "株洲", "430200")),
            p("44", "广东省", "粤", 20.0, c("深圳市", "深圳", "440300"), c("广州市", "广州", "440100"),
                    c("东莞市", "东莞", "441900"), c("佛山市", "佛山", "440600")),
            p("45", "广西壮族自治区", "桂", 1.0, c("南宁市", "南宁", "450100"), c("柳州市", "柳州", "450200")),
            p("46", "海南省", "琼", 0.6, c("海口市", "海口", "460100"), c("三亚市", "三亚", "460200")),
            p("50", "重庆市", "渝", 1.5, c("渝中区", "重庆", "500103"), c("江北区", "重庆", "500105"),
                    c("渝北区", "重庆", "500112")),
            p("51", "四川省", "川", 2.6, c("成都市", "成都", "510100"), c("绵阳市", "绵阳", "510700")),
            p("52", "贵州省", "黔", 0.8, c("贵阳市", "贵阳", "520100"), c("遵义市", "遵义", "520300")),
            p("53", "云南省", "滇", 0.8, c("昆明市", "昆明", "530100"), c("曲靖市", "曲靖", "530300")),
            p("54", "西藏自治区", "藏", 0.1, c("拉萨市", "拉萨", "540100")),
            p("61", "陕西省", "陕", 1.2, c("西安市", "西安", "610100"), c("宝鸡市", "宝鸡", "610300")),
            p("62", "甘肃省", "甘", 0.4, c("兰州市", "兰州", "620100")),
            p("63", "青海省", "青", 0.2, c("西宁市", "西宁", "630100")),
            p("64", "宁夏回族自治区", "宁", 0.3, c("银川市", "银川", "640100")),
            p("65", "新疆维吾尔自治区", "新", 0.5, c("乌鲁木齐市", "乌鲁木齐", "650100"), c("克拉玛依市", "克拉玛依", "650200")));

    private Provinces() {
    }

    static Province of(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown province " + code));
    }

    static double totalWeight() {
        return ALL.stream().mapToDouble(Province::weight).sum();
    }

    private static Province p(String code, String name, String icp, double weight, City... cities) {
        return new Province(code, name, icp, weight, List.of(cities));
    }

    private static City c(String name, String shortName, String area) {
        return new City(name, shortName, area);
    }
}
