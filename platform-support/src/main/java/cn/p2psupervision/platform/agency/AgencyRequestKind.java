package cn.p2psupervision.platform.agency;

/**
 * What the platform asks of a partner agency (AUTH-05): the measures of CLS-06 (banning), ACC-14 (shutdown of an
 * institution that failed acceptance and still operates) and INC-08 (disposal of major events). Each kind goes to
 * exactly one agency.
 */
public enum AgencyRequestKind {
    /** 移送公安机关: referral to public security for investigation of illegal fundraising or fraud. */
    REFERRAL(Agency.PUBLIC_SECURITY, "移送公安机关"),
    /** 注销增值电信业务经营许可: cancel the value-added telecom business licence (ICP 许可). */
    CANCEL_LICENCE(Agency.TELECOM, "注销增值电信业务经营许可"),
    /** 关闭网站/下架APP: block the website and take the apps off the stores. */
    BLOCK_WEBSITE(Agency.TELECOM, "关闭网站/下架APP"),
    /** 停止为其提供金融服务: banks and payment institutions stop serving the institution. */
    STOP_BANK_SERVICES(Agency.CENTRAL_BANK, "停止为其提供金融服务"),
    /** 变更/注销登记: change the business scope or deregister the company (市场监管 / 工商). */
    BUSINESS_REGISTRATION(Agency.MARKET_REGULATION, "变更/注销登记");

    private final Agency agency;
    private final String chinese;

    AgencyRequestKind(Agency agency, String chinese) {
        this.agency = agency;
        this.chinese = chinese;
    }

    /** The one agency that receives requests of this kind. */
    public Agency agency() {
        return agency;
    }

    /** The measure as the documents name it. */
    public String chinese() {
        return chinese;
    }
}
